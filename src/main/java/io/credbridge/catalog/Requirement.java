package io.credbridge.catalog;

import io.credbridge.avro.LearningEvent;
import java.util.stream.Stream;

/**
 * One thing a learner must have done, met by a single event. Progress is stored per learner and requirement
 * {@link #key()}, so credentials that share a requirement share the learner's progress on it. Every
 * requirement is monotonic: once met it stays met, so the order events arrive in cannot change the outcome.
 */
public sealed interface Requirement extends Criterion permits CourseCompleted, AssessmentScore, AssessmentPassed {

    /** Stable identity of the requirement's content; two definitions asking the same thing get the same key. */
    String key();

    /** The activity (course or assessment IRI) an event must be about to meet this requirement. */
    String activityId();

    boolean isMetBy(LearningEvent event);

    @Override
    default Stream<Requirement> requirements() {
        return Stream.of(this);
    }

    @Override
    default Stream<String> credentialsHeld() {
        return Stream.empty();
    }
}
