package io.credbridge.transcript;

import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The transcript route's bean: outbox events in, entries written to the SIS, what was written counted. Entries that
 * must wait for the registrar are held in the review queue instead; an entry the SIS refuses for good goes there
 * too (as FAILED, with the SIS's message), and its outbox event counts as delivered. Entries delivered to a SIS that
 * acknowledges later wait for its acknowledgement file ({@link TranscriptAcknowledgements}).
 */
@Component("transcriptEntries")
public class TranscriptEntries {

    private final TranscriptWriter writer;
    private final TranscriptReview review;
    private final TranscriptAcknowledgements acknowledgements;
    private final CredBridgeMetrics metrics;

    public TranscriptEntries(
            TranscriptWriter writer,
            TranscriptReview review,
            TranscriptAcknowledgements acknowledgements,
            CredBridgeMetrics metrics) {
        this.writer = writer;
        this.review = review;
        this.acknowledgements = acknowledgements;
        this.metrics = metrics;
    }

    public void deliver(List<OutboxEvent> events) throws Exception {
        List<TranscriptReview.Admitted> admitted = review.admit(events);
        if (writer.acknowledgesLater()) {
            admitted = acknowledgements.notSentYet(admitted);
        }
        if (admitted.isEmpty()) {
            return;
        }
        List<TranscriptEntry> entries =
                admitted.stream().map(each -> TranscriptEntry.of(each.change())).toList();
        List<TranscriptEntry> written;
        try {
            written = writer.write(entries);
        } catch (Exception e) {
            PermanentSisRejection refusal = refusalOf(e);
            // In a batch the refusal may hide entries not yet tried: the relay retries each alone, and the one
            // refused alone is the one to queue.
            if (refusal == null || admitted.size() != 1) {
                throw e;
            }
            review.refused(admitted.get(0), refusal);
            return;
        }
        if (writer.acknowledgesLater()) {
            acknowledgements.sent(admitted);
        } else {
            review.written(admitted);
        }
        written.forEach(entry -> metrics.transcriptRowWritten(writer.target(), entry.source(), entry.credentialId()));
    }

    private static PermanentSisRejection refusalOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PermanentSisRejection refusal) {
                return refusal;
            }
        }
        return null;
    }
}
