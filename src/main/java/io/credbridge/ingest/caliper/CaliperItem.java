package io.credbridge.ingest.caliper;

import io.credbridge.avro.LearningEvent;
import java.util.Optional;

/**
 * What became of one event or entity of an accepted envelope.
 *
 * @param kind what it is, as the meter {@code credbridge.source.events} names it: {@code Type.Action} for an event
 *     (e.g. GradeEvent.Graded), the type for an entity describe (e.g. Person)
 * @param event the LearningEvent it became, or null when it is ignored
 * @param ignoredBecause why nothing is published for it, or null when something is
 */
record CaliperItem(String kind, LearningEvent event, String ignoredBecause) {

    static CaliperItem published(String kind, LearningEvent event) {
        return new CaliperItem(kind, event, null);
    }

    static CaliperItem ignored(String kind, String because) {
        return new CaliperItem(kind, null, because);
    }

    Optional<LearningEvent> learningEvent() {
        return Optional.ofNullable(event);
    }
}
