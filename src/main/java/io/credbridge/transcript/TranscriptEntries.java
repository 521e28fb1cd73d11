package io.credbridge.transcript;

import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.DeliveryEffects;
import io.credbridge.outbox.OutboxEvent;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The transcript route's bean: outbox events in, entries written to the SIS, what was written counted. Entries that
 * must wait for the registrar are held in the review queue instead; an entry the SIS refuses for good goes there
 * too (as FAILED, with the SIS's message), and its outbox event counts as delivered. Entries delivered to a SIS that
 * acknowledges later wait for its acknowledgement file ({@link TranscriptAcknowledgements}). The id the SIS knows
 * each written entry's record by is kept with it ({@link TranscriptSisRecords}). What the SIS said is recorded with
 * the relay's record of the delivery ({@link DeliveryEffects}), never while the SIS is being called.
 */
@Component("transcriptEntries")
public class TranscriptEntries {

    private final TranscriptWriter writer;
    private final TranscriptReview review;
    private final TranscriptAcknowledgements acknowledgements;
    private final TranscriptSisRecords sisRecords;
    private final CredBridgeMetrics metrics;
    private final Clock clock;

    TranscriptEntries(
            TranscriptWriter writer,
            TranscriptReview review,
            TranscriptAcknowledgements acknowledgements,
            TranscriptSisRecords sisRecords,
            CredBridgeMetrics metrics,
            Clock clock) {
        this.writer = writer;
        this.review = review;
        this.acknowledgements = acknowledgements;
        this.sisRecords = sisRecords;
        this.metrics = metrics;
        this.clock = clock;
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
        List<WrittenEntry> written;
        try {
            written = writer.write(entries);
        } catch (Exception e) {
            PermanentSisRejection refusal = refusalOf(e);
            // In a batch the refusal may hide entries not yet tried: the relay retries each alone, and the one
            // refused alone is the one to queue.
            if (refusal == null || admitted.size() != 1) {
                throw e;
            }
            TranscriptReview.Admitted refused = admitted.get(0);
            DeliveryEffects.afterDelivery(() -> review.refused(refused, refusal));
            return;
        }
        List<TranscriptReview.Admitted> sent = admitted;
        DeliveryEffects.afterDelivery(() -> {
            if (writer.acknowledgesLater()) {
                acknowledgements.sent(sent);
            } else {
                review.written(sent);
            }
            sisRecords.written(writer.target(), written, clock.instant());
        });
        written.forEach(each -> metrics.transcriptRowWritten(
                writer.target(), each.entry().source(), each.entry().credentialId()));
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
