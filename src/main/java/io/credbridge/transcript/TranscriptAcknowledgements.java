package io.credbridge.transcript;

import io.credbridge.award.AwardChange;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.ops.LearnerRef;
import io.credbridge.ops.PersonalData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acknowledgements from a SIS that loads import files later (PeopleSoft, Workday): entries delivered in a file wait
 * as SENT; an acknowledgement file's accepted records become WRITTEN (and a registrar-approved entry WRITTEN in the
 * review queue), its rejected ones go to the review queue as FAILED with the SIS's message, as a refusal over HTTP
 * does. A file is applied once, in one transaction: read again, or with records acknowledged before, it changes
 * nothing.
 */
@Component("transcriptAcknowledgements")
public class TranscriptAcknowledgements {

    private static final Logger log = LoggerFactory.getLogger(TranscriptAcknowledgements.class);

    private final TranscriptAcknowledgementStore store;
    private final TranscriptReview review;
    private final ObjectProvider<AcknowledgementSource> sources;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public TranscriptAcknowledgements(
            TranscriptAcknowledgementStore store,
            TranscriptReview review,
            ObjectProvider<AcknowledgementSource> sources,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            Clock clock) {
        this.store = store;
        this.review = review;
        this.sources = sources;
        this.transactions = transactions;
        this.clock = clock;
        for (String status : List.of(
                TranscriptAcknowledgementStore.SENT,
                TranscriptAcknowledgementStore.WRITTEN,
                TranscriptAcknowledgementStore.REJECTED)) {
            metrics.transcriptAcknowledgements(status, () -> store.count(status));
        }
    }

    /** What applying one acknowledgement file did. */
    public record Outcome(boolean alreadyApplied, int accepted, int rejected, int unknown) {}

    /** The scheduled route's call: applies what the configured sources hold; nothing when none is configured. */
    public void poll() {
        sources.orderedStream().forEach(source -> source.collect(this));
    }

    public boolean applied(String fileName, String sha256) {
        return store.fileApplied(fileName, sha256);
    }

    /** Applies one acknowledgement file, identified by its name and content hash. */
    public Outcome apply(String fileName, String sha256, List<Acknowledgement> records) {
        return transactions.execute(status -> {
            if (store.fileApplied(fileName, sha256)) {
                return new Outcome(true, 0, 0, 0);
            }
            Instant now = clock.instant();
            List<String> accepted = new ArrayList<>();
            int rejected = 0;
            int unknown = 0;
            for (Acknowledgement record : records) {
                TranscriptAcknowledgementStore.Sent sent =
                        store.find(record.entryKey()).orElse(null);
                if (sent == null) {
                    unknown++;
                    log.warn(
                            "Acknowledgement file {} names {}, which CredBridge did not send",
                            fileName,
                            record.entryKey());
                } else if (record.accepted()) {
                    if (store.acknowledged(
                            record.entryKey(), TranscriptAcknowledgementStore.WRITTEN, null, fileName, now)) {
                        accepted.add(record.entryKey());
                    }
                } else {
                    AwardChange change = AwardChange.fromJson(sent.payload());
                    // The SIS's words are kept and shown as a refusal over HTTP is: its learner's ids hidden.
                    String sisMessage = PersonalData.mask(
                            record.sisMessage(), LearnerRef.both(change.learnerId(), change.sisPersonId()));
                    if (store.acknowledged(
                            record.entryKey(), TranscriptAcknowledgementStore.REJECTED, sisMessage, fileName, now)) {
                        rejected++;
                        review.refused(
                                new TranscriptReview.Admitted(change, false),
                                new PermanentSisRejection(
                                        "files",
                                        record.entryKey(),
                                        0,
                                        record.sisCode(),
                                        sisMessage == null ? "rejected in " + fileName : sisMessage));
                    }
                }
            }
            review.acknowledged(accepted);
            store.fileApplied(fileName, sha256, accepted.size(), rejected, unknown, now);
            log.info(
                    "Acknowledgement file {} applied: {} written, {} rejected, {} unknown",
                    fileName,
                    accepted.size(),
                    rejected,
                    unknown);
            return new Outcome(false, accepted.size(), rejected, unknown);
        });
    }

    /** The entries just delivered in a file now wait for their acknowledgement (in the relay's transaction). */
    void sent(List<TranscriptReview.Admitted> admitted) {
        Instant now = clock.instant();
        admitted.forEach(each -> store.sent(
                each.entryKey(), each.change().awardId(), each.change().toJson(), now));
    }

    /** Leaves out the entries delivered before and not refused: a redelivery must not put them in a second file. */
    List<TranscriptReview.Admitted> notSentYet(List<TranscriptReview.Admitted> admitted) {
        Set<String> sent = store.sentOrWritten(
                admitted.stream().map(TranscriptReview.Admitted::entryKey).toList());
        return admitted.stream().filter(each -> !sent.contains(each.entryKey())).toList();
    }
}
