package io.credbridge.transcript;

import io.credbridge.award.AwardChange;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/** The transcript route's beans: outbox events in, transcript entries out, and what was written counted. */
@Component("transcriptEntries")
public class TranscriptEntries {

    private final TranscriptWriter writer;
    private final CredBridgeMetrics metrics;

    public TranscriptEntries(TranscriptWriter writer, CredBridgeMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    public List<TranscriptEntry> fromOutbox(List<OutboxEvent> events) {
        return events.stream()
                .map(event -> TranscriptEntry.of(AwardChange.fromJson(event.payload())))
                .toList();
    }

    public List<TranscriptEntry> write(List<TranscriptEntry> entries) throws Exception {
        List<TranscriptEntry> written = writer.write(entries);
        written.forEach(entry -> metrics.transcriptRowWritten(writer.target(), entry.source(), entry.credentialId()));
        return written;
    }
}
