package io.credbridge.transcript;

import io.credbridge.award.AwardChange;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.DeliveryEffects;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.PartialDelivery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The transcript route's bean: outbox events in, entries written to the SIS each goes to ({@link TranscriptTargets}),
 * what was written counted. Entries that
 * must wait for the registrar are held in the review queue instead; an entry the SIS refuses for good goes there
 * too (as FAILED, with the SIS's message), and its outbox event counts as delivered. Entries delivered to a SIS that
 * acknowledges later wait for its acknowledgement file ({@link TranscriptAcknowledgements}). The id the SIS knows
 * each written entry's record by is kept with it ({@link TranscriptSisRecords}). What the SIS said is recorded with
 * the relay's record of the delivery ({@link DeliveryEffects}), never while the SIS is being called.
 */
@Component("transcriptEntries")
public class TranscriptEntries {

    private final TranscriptTargets targets;
    private final TranscriptReview review;
    private final TranscriptAcknowledgements acknowledgements;
    private final TranscriptSisRecords sisRecords;
    private final CredBridgeMetrics metrics;
    private final Clock clock;

    TranscriptEntries(
            TranscriptTargets targets,
            TranscriptReview review,
            TranscriptAcknowledgements acknowledgements,
            TranscriptSisRecords sisRecords,
            CredBridgeMetrics metrics,
            Clock clock) {
        this.targets = targets;
        this.review = review;
        this.acknowledgements = acknowledgements;
        this.sisRecords = sisRecords;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void deliver(List<OutboxEvent> events) throws Exception {
        Map<TranscriptWriter, List<OutboxEvent>> byTarget = new LinkedHashMap<>();
        for (OutboxEvent event : events) {
            AwardChange change = AwardChange.fromJson(event.payload());
            byTarget.computeIfAbsent(
                            targets.writerFor(change.credentialId(), change.issuerId()), writer -> new ArrayList<>())
                    .add(event);
        }
        // A SIS that fails holds back only its own entries: those of the other targets are delivered and forgotten.
        List<String> delivered = new ArrayList<>();
        Exception failure = null;
        for (Map.Entry<TranscriptWriter, List<OutboxEvent>> target : byTarget.entrySet()) {
            try {
                deliver(target.getKey(), review.admit(target.getValue()));
                target.getValue().forEach(event -> delivered.add(event.eventId()));
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw delivered.isEmpty() ? failure : new PartialDelivery(delivered, failure);
        }
    }

    private void deliver(TranscriptWriter writer, List<TranscriptReview.Admitted> forTarget) throws Exception {
        List<TranscriptReview.Admitted> admitted =
                writer.acknowledgesLater() ? acknowledgements.notSentYet(forTarget) : forTarget;
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
        DeliveryEffects.afterDelivery(() -> {
            if (writer.acknowledgesLater()) {
                acknowledgements.sent(admitted);
            } else {
                review.written(admitted);
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
