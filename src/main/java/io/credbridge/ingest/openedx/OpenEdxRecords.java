package io.credbridge.ingest.openedx;

import java.time.Clock;

/**
 * Reads one record of the event bus into what it holds. Whatever cannot be read becomes a delivery that says why,
 * to be dead-lettered; nothing is dropped. A schema registry that cannot be reached is not the record's fault: that
 * failure propagates, and the poll is read again.
 */
class OpenEdxRecords {

    private final OpenEdxEventDecoder decoder;
    private final OpenEdxEventNormalizer normalizer;
    private final Clock clock;

    OpenEdxRecords(OpenEdxEventDecoder decoder, OpenEdxEventNormalizer normalizer, Clock clock) {
        this.decoder = decoder;
        this.normalizer = normalizer;
        this.clock = clock;
    }

    OpenEdxDelivery read(EventBusRecord record) {
        String type = record.header(EventBusRecord.TYPE);
        if (type == null) {
            return OpenEdxDelivery.unreadable(
                    record,
                    "the record has no ce_type header, so its event type and schema are unknown",
                    UnreadableRecordException.class.getName());
        }
        try {
            return decoder.decode(type, record.value())
                    .map(data -> normalizer.normalize(record, data, clock.instant()))
                    .orElseGet(() -> OpenEdxDelivery.ignored(record, "CredBridge does not act on " + type + " events"));
        } catch (UnreadableRecordException e) {
            return OpenEdxDelivery.unreadable(
                    record, e.getMessage(), e.getClass().getName());
        } catch (ClassCastException | NullPointerException e) {
            // Data that breaks the mapping itself is set aside like unreadable data, so it cannot block the partition.
            return OpenEdxDelivery.unreadable(
                    record,
                    "the " + type + " event could not be mapped: " + e,
                    e.getClass().getName());
        }
    }
}
