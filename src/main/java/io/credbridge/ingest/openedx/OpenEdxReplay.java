package io.credbridge.ingest.openedx;

import io.credbridge.deadletter.IngestedPayloads;
import io.credbridge.ingest.LearningEventRecords;
import io.credbridge.kafka.OutgoingRecord;
import java.util.List;

/**
 * Reads an Open edX record's dead letter again, as the event bus delivered it, for a replay once the cause is fixed
 * (e.g. the schema registry configured for events a newer LMS writes).
 */
class OpenEdxReplay implements IngestedPayloads {

    private final OpenEdxRecords reader;
    private final LearningEventRecords records;

    OpenEdxReplay(OpenEdxRecords reader, LearningEventRecords records) {
        this.reader = reader;
        this.records = records;
    }

    @Override
    public String source() {
        return OpenEdxEventNormalizer.SOURCE;
    }

    @Override
    public List<OutgoingRecord> reread(byte[] payload) {
        OpenEdxDelivery delivery = reader.read(DeadLetteredRecords.recordOf(payload));
        if (delivery.isUnreadable()) {
            throw new IllegalArgumentException(delivery.unreadableBecause());
        }
        return records.of(delivery.events());
    }
}
