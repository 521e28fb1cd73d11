package io.credbridge.ingest.openedx;

import io.credbridge.avro.LearningEvent;
import java.util.List;

/**
 * What one record of the event bus became: the LearningEvent to publish, the reason it is ignored, or the reason it
 * cannot be read (it is dead-lettered).
 *
 * @param eventName the record's ce_type
 * @param events the LearningEvents to publish; none when ignored or unreadable
 * @param ignoredBecause why nothing is published although the record was read, or null
 * @param unreadableBecause why the record cannot be read, or null when it could
 * @param errorType what kind of failure made it unreadable, or null
 */
record OpenEdxDelivery(
        EventBusRecord record,
        String eventName,
        List<LearningEvent> events,
        String ignoredBecause,
        String unreadableBecause,
        String errorType) {

    OpenEdxDelivery {
        events = List.copyOf(events);
    }

    static OpenEdxDelivery of(EventBusRecord record, LearningEvent event) {
        return new OpenEdxDelivery(record, record.eventName(), List.of(event), null, null, null);
    }

    static OpenEdxDelivery ignored(EventBusRecord record, String because) {
        return new OpenEdxDelivery(record, record.eventName(), List.of(), because, null, null);
    }

    static OpenEdxDelivery unreadable(EventBusRecord record, String because, String errorType) {
        return new OpenEdxDelivery(record, record.eventName(), List.of(), null, because, errorType);
    }

    boolean isUnreadable() {
        return unreadableBecause != null;
    }
}
