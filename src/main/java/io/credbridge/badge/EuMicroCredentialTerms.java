package io.credbridge.badge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.catalog.EuMicroCredential;
import io.credbridge.catalog.Recognition;
import java.math.BigDecimal;

/**
 * The EU micro-credential elements (Council Recommendation 2022/C 243/02, Annex I) that Open Badges 3.0 has no
 * field for, written on the achievement in terms of CredBridge's own JSON-LD context. That context is shipped,
 * pinned in {@code pins.tsv} like the others and served at {@link #CONTEXT_PATH}; a credential lists it only when
 * it uses one of its terms, so a credential without these elements names no context it does not need.
 */
final class EuMicroCredentialTerms {

    static final String CONTEXT_PATH = "/contexts/credbridge-eu-microcredential-v1.jsonld";

    private EuMicroCredentialTerms() {}

    /** Writes the elements the definition gives onto {@code achievement}; true when it wrote any. */
    static boolean writeTo(ObjectNode achievement, Recognition recognition) {
        int before = achievement.size();
        Achievements.text(achievement, "levelDescription", recognition.level());
        EuMicroCredential eu = recognition.euMicroCredential();
        if (eu != null) {
            if (eu.learningOutcomes() != null && !eu.learningOutcomes().isEmpty()) {
                ArrayNode outcomes = achievement.putArray("learningOutcomes");
                eu.learningOutcomes().forEach(outcomes::add);
            }
            if (eu.workload() != null && eu.workload().hours() != null) {
                achievement.put("workloadHours", eu.workload().hours());
            }
            if (eu.eqfLevel() != null) {
                achievement.put("eqfLevel", eu.eqfLevel());
            }
            Achievements.text(achievement, "qfEheaLevel", eu.qfEheaLevel());
            Achievements.text(achievement, "assessmentType", eu.assessmentType());
            if (eu.participation() != null) {
                achievement.put("participationForm", eu.participation().code());
            }
            Achievements.text(achievement, "qualityAssurance", eu.qualityAssurance());
            Achievements.text(achievement, "prerequisites", eu.prerequisites());
            Achievements.text(achievement, "identityVerification", eu.identityVerification());
            Achievements.text(achievement, "integrationOptions", eu.integration());
        }
        BigDecimal ects = ects(recognition);
        if (ects != null) {
            achievement.put("ectsCredits", ects);
        }
        return achievement.size() > before;
    }

    /** The notional workload in ECTS: the EU block's, else the credit's. */
    static BigDecimal ects(Recognition recognition) {
        EuMicroCredential eu = recognition.euMicroCredential();
        if (eu != null && eu.workload() != null && eu.workload().ects() != null) {
            return eu.workload().ects();
        }
        return recognition.credit() == null ? null : recognition.credit().ects();
    }
}
