package io.credbridge.ingest.moodle;

import io.credbridge.avro.LearningEvent;
import java.util.List;

/**
 * What one Moodle webhook POST produced.
 *
 * @param eventName the event's {@code eventname}, e.g. {@code \core\event\course_completed}
 * @param events the LearningEvent to publish, or none when the event is ignored
 * @param ignoredBecause why nothing is published, or null when something is
 */
public record MoodleDelivery(String eventName, List<LearningEvent> events, String ignoredBecause) {

    public MoodleDelivery {
        events = List.copyOf(events);
    }
}
