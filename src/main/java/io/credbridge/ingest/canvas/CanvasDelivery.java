package io.credbridge.ingest.canvas;

import io.credbridge.avro.LearningEvent;
import io.credbridge.ingest.caliper.CaliperDelivery;
import java.util.List;
import java.util.Optional;

/**
 * What one Canvas POST produced: the event to publish, or why it is ignored.
 *
 * @param eventName {@code metadata.event_name}; for a Caliper-format event its kind (e.g. GradeEvent.Graded)
 * @param events the LearningEvents to publish (one, as Canvas sends one event per POST), or none when the event is
 *     ignored
 * @param ignoredBecause why nothing is published, or null when something is
 * @param caliper the Caliper envelope's delivery when the subscription is in Caliper format, else null
 */
public record CanvasDelivery(
        String eventName, List<LearningEvent> events, String ignoredBecause, CaliperDelivery caliper) {

    public CanvasDelivery {
        events = List.copyOf(events);
    }

    static CanvasDelivery of(String eventName, LearningEvent event) {
        return new CanvasDelivery(eventName, List.of(event), null, null);
    }

    static CanvasDelivery ignored(String eventName, String because) {
        return new CanvasDelivery(eventName, List.of(), because, null);
    }

    /** A Caliper-format event, mapped as the Caliper endpoint maps it. */
    static CanvasDelivery of(CaliperDelivery caliper) {
        return new CanvasDelivery(caliper.kinds(), caliper.events(), caliper.ignoredBecause(), caliper);
    }

    public Optional<LearningEvent> event() {
        return events.stream().findFirst();
    }
}
