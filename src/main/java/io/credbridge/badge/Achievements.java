package io.credbridge.badge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.award.AwardChange;
import io.credbridge.award.GradeAchieved;
import io.credbridge.catalog.Alignment;
import io.credbridge.catalog.Credit;
import io.credbridge.catalog.Recognition;
import io.credbridge.catalog.ScoreScale;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The OB 3.0 {@code Achievement} an award is for, from the catalog definition as the award snapshot it: what it is
 * (name, description, criteria, type), the competencies it aligns to, its credit, field, code and image, and how it
 * is graded, and the learner's result. A field the definition leaves out is left out, never written empty or null.
 */
final class Achievements {

    private final ObjectMapper json = new ObjectMapper();
    private final String idPrefix;

    Achievements(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    ObjectNode of(AwardChange award) {
        Recognition recognition = recognitionOf(award);
        ObjectNode achievement = json.createObjectNode();
        achievement.put("id", idOf(award));
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", achievementType(award.credentialKind()));
        achievement.put("name", award.credentialName());
        achievement.put(
                "description",
                award.credentialDescription() == null ? award.credentialName() : award.credentialDescription());
        achievement.putObject("criteria").put("narrative", String.join(" ", award.criteria()));
        achievement.put("version", Integer.toString(award.credentialVersion()));
        if (!recognition.competencies().isEmpty()) {
            ArrayNode alignments = achievement.putArray("alignment");
            recognition.competencies().forEach(competency -> alignments.add(alignment(competency)));
        }
        Credit credit = recognition.credit();
        BigDecimal credits =
                credit == null ? null : credit.creditHours() != null ? credit.creditHours() : credit.ects();
        if (credits != null) {
            achievement.put("creditsAvailable", credits);
        }
        text(achievement, "fieldOfStudy", recognition.fieldOfStudy());
        if (credit != null) {
            text(achievement, "humanCode", credit.sisCode());
        }
        if (recognition.image() != null) {
            achievement.putObject("image").put("id", recognition.image()).put("type", "Image");
        }
        gradeModeOf(award).ifPresent(mode -> {
            ObjectNode description = resultDescriptions(achievement).addObject();
            description.put("id", resultDescriptionId(award));
            description.putArray("type").add("ResultDescription");
            description.put("name", "Grade (" + mode + ")");
            description.put("resultType", "Status");
        });
        Optional.ofNullable(award.gradeAchieved()).ifPresent(grade -> {
            ObjectNode description = resultDescriptions(achievement).addObject();
            description.put("id", scoreDescriptionId(award));
            description.putArray("type").add("ResultDescription");
            description.put("name", scoreName(grade));
            if (grade.scale() == ScoreScale.SCALED) {
                description.put("resultType", "ScaledScore");
                description.put("valueMin", "0");
                description.put("valueMax", "1");
            } else {
                description.put("resultType", "RawScore");
            }
        });
        return achievement;
    }

    /**
     * The learner's results, each naming the {@code resultDescription} of the achievement it answers: for a
     * credential graded in a mode, that the learner completed it; for an award with a grade achieved, the score of
     * the attempt that counted as the result's {@code value}. Empty when the award has neither.
     */
    List<ObjectNode> resultsOf(AwardChange award) {
        List<ObjectNode> results = new ArrayList<>();
        gradeModeOf(award)
                .ifPresent(
                        mode -> results.add(result(resultDescriptionId(award)).put("status", "Completed")));
        Optional.ofNullable(award.gradeAchieved())
                .ifPresent(
                        grade -> results.add(result(scoreDescriptionId(award)).put("value", grade.valueText())));
        return results;
    }

    private ObjectNode result(String descriptionId) {
        ObjectNode result = json.createObjectNode();
        result.putArray("type").add("Result");
        result.put("resultDescription", descriptionId);
        return result;
    }

    private static ArrayNode resultDescriptions(ObjectNode achievement) {
        return achievement.has("resultDescription")
                ? (ArrayNode) achievement.get("resultDescription")
                : achievement.putArray("resultDescription");
    }

    /** What the score is, in words: which assessment, which attempt, on which scale. */
    private static String scoreName(GradeAchieved grade) {
        String attempt = switch (grade.attempt()) {
            case BEST -> "the first attempt that met the criterion";
            case LATEST -> "the latest attempt";
            case FIRST -> "the first attempt";
        };
        return (grade.scale() == ScoreScale.SCALED ? "Scaled score (0 to 1)" : "Score in points") + " on "
                + grade.assessment() + ", " + attempt;
    }

    /** Payloads written before the recognition travelled describe only what they carry. */
    static Recognition recognitionOf(AwardChange award) {
        return award.recognition() == null ? new Recognition(null, null, null, null, null, null) : award.recognition();
    }

    private String idOf(AwardChange award) {
        return idPrefix + award.credentialId() + "/v" + award.credentialVersion();
    }

    private String resultDescriptionId(AwardChange award) {
        return idOf(award) + "#grade";
    }

    private String scoreDescriptionId(AwardChange award) {
        return idOf(award) + "#score";
    }

    private static Optional<String> gradeModeOf(AwardChange award) {
        Credit credit = recognitionOf(award).credit();
        return Optional.ofNullable(credit).map(Credit::gradeMode).filter(mode -> !mode.isBlank());
    }

    private ObjectNode alignment(Alignment competency) {
        ObjectNode alignment = json.createObjectNode();
        alignment.putArray("type").add("Alignment");
        alignment.put("targetUrl", competency.targetUrl());
        alignment.put("targetName", competency.targetName());
        text(alignment, "targetFramework", competency.targetFramework());
        text(alignment, "targetCode", competency.targetCode());
        text(alignment, "targetType", competency.targetType());
        return alignment;
    }

    private static String achievementType(String kind) {
        return kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
    }

    /** Writes a text field only when there is text: an absent element is left out, never written empty. */
    static void text(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
