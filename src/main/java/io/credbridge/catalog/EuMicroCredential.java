package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The elements the EU Council Recommendation on micro-credentials (2022/C 243/02, Annex I) asks a credential
 * to carry, so that other institutions and employers across borders can read and recognise it. The mandatory
 * ones are listed by {@link #missingMandatory()}; the catalog warns about missing ones rather than refusing
 * the definition, because many campus credentials are not meant for recognition abroad.
 *
 * @param learningOutcomes what the learner knows or can do, one statement each
 * @param workload the notional workload
 * @param eqfLevel the European Qualifications Framework level, 1 to 8
 * @param qfEheaLevel the QF-EHEA cycle where it applies, e.g. "short cycle"
 * @param assessmentType how the learning was assessed, e.g. "proctored online exam"
 * @param participation online, onsite or blended
 * @param qualityAssurance the type of quality assurance behind the credential
 * @param awardingBodyCountry the awarding body's country, ISO 3166-1 alpha-2 (e.g. NL)
 * @param prerequisites what a learner needs before enrolling (optional element)
 * @param identityVerification how the learner's identity was checked during assessment (optional element)
 * @param integration how it stacks into or is integrated with a larger credential (optional element)
 */
public record EuMicroCredential(
        List<String> learningOutcomes,
        @Valid Workload workload,

        @Min(value = 1, message = "must be an EQF level from 1 to 8")
        @Max(value = 8, message = "must be an EQF level from 1 to 8")
        Integer eqfLevel,

        String qfEheaLevel,
        String assessmentType,
        Participation participation,
        String qualityAssurance,

        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 country code such as NL")
        String awardingBodyCountry,

        String prerequisites,
        String identityVerification,
        String integration) {

    /** The mandatory elements of Annex I this definition does not give, by their catalog field names. */
    public List<String> missingMandatory() {
        List<String> missing = new ArrayList<>();
        if (learningOutcomes == null || learningOutcomes.isEmpty()) {
            missing.add("learningOutcomes");
        }
        if (workload == null || (workload.hours() == null && workload.ects() == null)) {
            missing.add("workload");
        }
        if (eqfLevel == null && qfEheaLevel == null) {
            missing.add("eqfLevel or qfEheaLevel");
        }
        if (assessmentType == null) {
            missing.add("assessmentType");
        }
        if (participation == null) {
            missing.add("participation");
        }
        if (qualityAssurance == null) {
            missing.add("qualityAssurance");
        }
        if (awardingBodyCountry == null) {
            missing.add("awardingBodyCountry");
        }
        return missing;
    }

    /** Every mandatory element, as a definition without this block misses them all. */
    static List<String> allMandatory() {
        return new EuMicroCredential(null, null, null, null, null, null, null, null, null, null, null)
                .missingMandatory();
    }

    /** The notional workload, in hours and, where applicable, ECTS credits. */
    public record Workload(
            @Min(value = 0, message = "must not be negative")
            Integer hours,

            @jakarta.validation.constraints.DecimalMin(value = "0", message = "must not be negative")
            java.math.BigDecimal ects) {}

    /** The form of participation in the learning activity. */
    public enum Participation {
        ONLINE,
        ONSITE,
        BLENDED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        static Participation of(String code) {
            return java.util.Arrays.stream(values())
                    .filter(value -> value.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "participation must be one of online, onsite, blended; was '" + code + "'"));
        }
    }
}
