package io.credbridge.ingest.canvas;

import io.credbridge.deadletter.IngestedPayloads;
import io.credbridge.ingest.LearningEventRecords;
import io.credbridge.ingest.canvas.CanvasSqsQueue.QueuedMessage;
import io.credbridge.kafka.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a Canvas SQS message's dead letter again, as the queue delivered it, for a replay once the cause is fixed
 * (e.g. credbridge.ingest.canvas.base-url set for events Canvas emits from background jobs, which name no host).
 */
class QueuedEventReplay implements IngestedPayloads {

    private final QueuedEvents reader;
    private final LearningEventRecords records;

    QueuedEventReplay(QueuedEvents reader, LearningEventRecords records) {
        this.reader = reader;
        this.records = records;
    }

    @Override
    public String source() {
        return CanvasEventNormalizer.SOURCE;
    }

    @Override
    public List<OutgoingRecord> reread(byte[] payload) {
        QueuedEvent event = reader.read(new QueuedMessage("replay", "", new String(payload, StandardCharsets.UTF_8)));
        if (event.isRejected()) {
            throw new IllegalArgumentException(event.rejectedBecause());
        }
        return records.of(event.events());
    }
}
