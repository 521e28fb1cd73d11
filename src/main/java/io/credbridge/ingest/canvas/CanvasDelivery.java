package io.credbridge.ingest.canvas;

import io.credbridge.avro.LearningEvent;
import java.util.List;
import java.util.Optional;

/**
 * What one Canvas POST produced: the event to publish, or why it is ignored.
 *
 * @param eventName {@code metadata.event_name}
 * @param events the one LearningEvent to publish, or none when the event is ignored
 * @param ignoredBecause why nothing is published, or null when something is
 */
public record CanvasDelivery(String eventName, List<LearningEvent> events, String ignoredBecause) {

    public CanvasDelivery {
        events = List.copyOf(events);
    }

    static CanvasDelivery of(String eventName, LearningEvent event) {
        return new CanvasDelivery(eventName, List.of(event), null);
    }

    static CanvasDelivery ignored(String eventName, String because) {
        return new CanvasDelivery(eventName, List.of(), because);
    }

    public Optional<LearningEvent> event() {
        return events.stream().findFirst();
    }
}
