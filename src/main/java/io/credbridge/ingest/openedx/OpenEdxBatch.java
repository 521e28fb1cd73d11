package io.credbridge.ingest.openedx;

import io.credbridge.avro.LearningEvent;
import java.util.List;

/** The records one poll of the event bus took, each read into what it holds. */
public record OpenEdxBatch(List<OpenEdxDelivery> deliveries) {

    public OpenEdxBatch {
        deliveries = List.copyOf(deliveries);
    }

    /** Whether the poll took any record. */
    public boolean received() {
        return !deliveries.isEmpty();
    }

    /** Every LearningEvent the batch's records yield, to publish together. */
    public List<LearningEvent> learningEvents() {
        return deliveries.stream()
                .flatMap(delivery -> delivery.events().stream())
                .toList();
    }
}
