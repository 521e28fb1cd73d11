package io.credbridge.award;

import java.time.Instant;

/** Learner facts for tests, as the award stage records them from events. */
final class Facts {

    private Facts() {}

    static LearnerFact completed(String learner, String eventId, String course, Instant at) {
        return new LearnerFact(learner, eventId, course, LearnerFact.Kind.COMPLETED, null, at, null, null, null);
    }

    static LearnerFact scored(String learner, String eventId, String assessment, double scaled, Instant at) {
        return new LearnerFact(learner, eventId, assessment, LearnerFact.Kind.GRADED, null, at, null, scaled, null);
    }
}
