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
}
