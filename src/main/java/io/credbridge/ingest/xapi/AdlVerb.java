package io.credbridge.ingest.xapi;

import io.credbridge.avro.LearningEventType;
import java.util.Arrays;
import java.util.Optional;

/** The ADL verbs CredBridge turns into learning events, and what each one means for an award. */
enum AdlVerb {
    COMPLETED("http://adlnet.gov/expapi/verbs/completed", LearningEventType.COURSE_COMPLETED, null),
    PASSED("http://adlnet.gov/expapi/verbs/passed", LearningEventType.ASSESSMENT_GRADED, Boolean.TRUE),
    FAILED("http://adlnet.gov/expapi/verbs/failed", LearningEventType.ASSESSMENT_GRADED, Boolean.FALSE),
    SCORED("http://adlnet.gov/expapi/verbs/scored", LearningEventType.ASSESSMENT_GRADED, null),
    /** The source withdraws an earlier statement (xAPI 1.0.3, 2.3.2): its object is a StatementRef to it. */
    VOIDED("http://adlnet.gov/expapi/verbs/voided", LearningEventType.VOIDED, null);

    private final String id;
    private final LearningEventType eventType;
    private final Boolean impliedPass;

    AdlVerb(String id, LearningEventType eventType, Boolean impliedPass) {
        this.id = id;
        this.eventType = eventType;
        this.impliedPass = impliedPass;
    }

    static Optional<AdlVerb> of(String verbId) {
        return Arrays.stream(values()).filter(verb -> verb.id.equals(verbId)).findFirst();
    }

    LearningEventType eventType() {
        return eventType;
    }

    /** Whether the verb itself says the attempt passed; null when it does not say (completed, scored). */
    Boolean impliedPass() {
        return impliedPass;
    }
}
