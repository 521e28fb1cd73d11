package io.credbridge.ingest.caliper;

import io.credbridge.avro.LearningEvent;
import java.util.List;
import java.util.Optional;

/**
 * What one accepted envelope produced.
 *
 * @param sensor the sensor that sent it
 * @param items each event and entity of its data, in order, with what became of it
 */
public record CaliperDelivery(String sensor, List<CaliperItem> items) {

    public CaliperDelivery {
        items = List.copyOf(items);
    }

    /** The LearningEvents to publish. */
    public List<LearningEvent> events() {
        return items.stream()
                .map(CaliperItem::learningEvent)
                .flatMap(Optional::stream)
                .toList();
    }

    /** What the envelope held, by kind ({@code GradeEvent.Graded}), in order. */
    public String kinds() {
        return String.join(", ", items.stream().map(CaliperItem::kind).toList());
    }

    /** Why nothing of the envelope is published, or null when something is. */
    public String ignoredBecause() {
        return events().isEmpty()
                ? String.join(
                        "; ", items.stream().map(CaliperItem::ignoredBecause).toList())
                : null;
    }
}
