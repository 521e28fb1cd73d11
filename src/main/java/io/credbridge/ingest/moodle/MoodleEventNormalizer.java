package io.credbridge.ingest.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.avro.Score;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Maps a Moodle event's data (as {@code \core\event\base::get_data()} gives it) to the LearningEvent CredBridge acts
 * on, or to the reason it is ignored. The learner is the event's {@code relateduserid} (a completion is raised by
 * cron and a grade by the teacher, so {@code userid} is whoever acted), named by their Moodle user id in the site's
 * namespace, as logstore_xapi names them. Moodle ids are numbers or numeric strings depending on the plugin; both
 * are read.
 */
final class MoodleEventNormalizer {

    static final String SOURCE = "moodle";
    static final String COURSE_COMPLETED = "\\core\\event\\course_completed";
    static final String USER_GRADED = "\\core\\event\\user_graded";
    static final String ATTEMPT_SUBMITTED = "\\mod_quiz\\event\\attempt_submitted";

    /**
     * @throws RejectedInputException 400 naming each field an event CredBridge acts on lacks
     */
    MoodleDelivery normalize(JsonNode event, String site, Instant receivedAt) {
        List<Violation> violations = new ArrayList<>();
        String name = text(event, "/eventname", "the event's class, e.g. \\core\\event\\course_completed", violations);
        rejectIfAny(violations);
        switch (name) {
            case COURSE_COMPLETED:
            case USER_GRADED:
            case ATTEMPT_SUBMITTED:
                break;
            default:
                return new MoodleDelivery(name, List.of(), "CredBridge does not act on " + name + " events");
        }
        String learner = text(event, "/relateduserid", "the Moodle id of the learner the event is about", violations);
        String course = text(event, "/courseid", "the Moodle id of the course", violations);
        String created = text(event, "/timecreated", "when Moodle raised the event (Unix seconds)", violations);
        Instant occurredAt = seconds(created, violations);
        String courseIri = site + "/course/view.php?id=" + course;
        LearningEvent.Builder base = LearningEvent.newBuilder()
                .setSource(SOURCE)
                .setSourceSystem(site)
                .setReceivedAt(receivedAt.truncatedTo(ChronoUnit.MILLIS))
                .setLearnerIds(List.of(new LearnerIdentifier("account", learner, site)))
                .setCourseIds(List.of(courseIri));
        if (COURSE_COMPLETED.equals(name)) {
            rejectIfAny(violations);
            return published(
                    name,
                    base.setType(LearningEventType.COURSE_COMPLETED).setObjectId(courseIri),
                    occurredAt,
                    List.of(site, name, learner, course, created));
        }
        String object = text(event, "/objectid", "the id of the graded grade or submitted attempt", violations);
        if (USER_GRADED.equals(name)) {
            String item = text(event, "/other/itemid", "the grade item that was graded", violations);
            JsonNode grade = event.at("/other/finalgrade");
            if (!grade.isMissingNode() && !grade.isNull() && !isNumber(grade)) {
                violations.add(new Violation("/other/finalgrade", "/other/finalgrade must be a number, was " + grade));
            }
            rejectIfAny(violations);
            if (grade.isMissingNode() || grade.isNull()) {
                return new MoodleDelivery(name, List.of(), "the grade was removed (other.finalgrade is null)");
            }
            double given = grade.asDouble();
            return published(
                    name,
                    base.setType(LearningEventType.ASSESSMENT_GRADED)
                            .setObjectId(site + "/grade/edit/tree/item.php?courseid=" + course + "&id=" + item)
                            .setScore(Score.newBuilder().setGiven(given).build())
                            .setAttemptId(object),
                    occurredAt,
                    List.of(site, name, learner, item, object, created, String.valueOf(given)));
        }
        String module = text(event, "/contextinstanceid", "the course module of the quiz", violations);
        rejectIfAny(violations);
        return published(
                name,
                base.setType(LearningEventType.ASSESSMENT_GRADED)
                        .setObjectId(site + "/mod/quiz/view.php?id=" + module)
                        .setAttemptId(object),
                occurredAt,
                List.of(site, name, learner, module, object, created));
    }

    /**
     * Moodle events carry no id of their own; the same event delivered again (tool_trigger re-runs a failed step)
     * gets the same one.
     */
    private static MoodleDelivery published(
            String name, LearningEvent.Builder event, Instant occurredAt, List<String> meaningful) {
        String id = UUID.nameUUIDFromBytes(String.join("\u001f", meaningful).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new MoodleDelivery(
                name, List.of(event.setEventId(id).setOccurredAt(occurredAt).build()), null);
    }

    private static String text(JsonNode event, String pointer, String what, List<Violation> violations) {
        JsonNode node = event.at(pointer);
        if (!node.isTextual() && !node.isNumber() || node.asText().isBlank()) {
            violations.add(new Violation(pointer, pointer + " is required: " + what));
            return "";
        }
        return node.asText();
    }

    private static boolean isNumber(JsonNode node) {
        if (node.isNumber()) {
            return true;
        }
        try {
            Double.parseDouble(node.asText());
            return node.isTextual();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Instant seconds(String created, List<Violation> violations) {
        try {
            return created.isEmpty() ? Instant.EPOCH : Instant.ofEpochSecond(Long.parseLong(created));
        } catch (NumberFormatException e) {
            violations.add(new Violation(
                    "/timecreated", "/timecreated must be Unix seconds, e.g. 1433946701, was " + created));
            return Instant.EPOCH;
        }
    }

    private static void rejectIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RejectedInputException(
                    400,
                    "The Moodle event is malformed",
                    violations.size() + " field(s) of the event are missing or malformed; the event was not accepted",
                    violations);
        }
    }
}
