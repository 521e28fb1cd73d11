package io.credbridge.transcript;

import io.credbridge.award.AwardChange;
import io.credbridge.catalog.TranscriptPolicy;
import io.credbridge.jdbc.AfterCommit;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registrar's review queue. Entries of a credential under {@code review} wait here instead of going to the SIS;
 * entries the SIS refused for good land here as FAILED with its message. Approving one sends it through the outbox
 * (same retries, same per-award order); rejecting one keeps it off the transcript, with the registrar's reason.
 *
 * <p>Per-award order: a later entry (REVOKED, EXPIRED) of an award whose earlier entry waits for the registrar joins
 * the queue behind it rather than reaching the SIS first, and it cannot be approved until the earlier one is
 * approved or rejected. An approved entry waits in the outbox behind the award's entries still being delivered.
 */
@Component
public class TranscriptReview {

    /** The outbox aggregate type of an approved entry: the transcript route sends it without holding it again. */
    static final String APPROVED = "transcript-entry";

    private static final Set<ReviewStatus> AWAITING_REGISTRAR =
            EnumSet.of(ReviewStatus.PENDING_REVIEW, ReviewStatus.FAILED);

    private final TranscriptReviewStore store;
    private final OutboxStore outbox;
    private final Runnable wakeUpRelay;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @Autowired
    public TranscriptReview(
            TranscriptReviewStore store,
            OutboxStore outbox,
            OutboxRelay relay,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            Clock clock) {
        this(store, outbox, relay::wakeUp, transactions, metrics, clock);
    }

    TranscriptReview(
            TranscriptReviewStore store,
            OutboxStore outbox,
            Runnable wakeUpRelay,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.wakeUpRelay = wakeUpRelay;
        this.transactions = transactions;
        this.clock = clock;
        for (ReviewStatus status : ReviewStatus.values()) {
            metrics.transcriptReviewEntries(status.name(), () -> store.count(status));
        }
    }

    /** An award change on its way to the SIS; {@code approved} when a registrar sent it from the queue. */
    record Admitted(AwardChange change, boolean approved) {

        String entryKey() {
            return TranscriptEntry.of(change).idempotencyKey();
        }
    }

    /**
     * Holds the outbox events that must wait for the registrar (in the caller's transaction: the relay's) and
     * answers the others, which go to the SIS now.
     */
    List<Admitted> admit(List<OutboxEvent> events) {
        List<Admitted> changes = events.stream()
                .map(event ->
                        new Admitted(AwardChange.fromJson(event.payload()), APPROVED.equals(event.aggregateType())))
                .toList();
        // Only a later entry can be behind one in the queue: ISSUED ones, nearly all traffic, cost no query.
        Set<String> awaiting = store.awardsAwaitingRegistrar(changes.stream()
                .filter(each -> !each.approved() && each.change().action() != AwardChange.Action.ISSUED)
                .map(each -> each.change().awardId())
                .distinct()
                .toList());
        List<Admitted> admitted = new ArrayList<>();
        for (Admitted each : changes) {
            String holdBecause = each.approved() ? null : holdReason(each.change(), awaiting);
            if (holdBecause == null) {
                admitted.add(each);
            } else if (store.findByKey(each.entryKey()).isEmpty()) {
                store.insert(entry(each.change(), ReviewStatus.PENDING_REVIEW, null, holdBecause));
            }
        }
        return admitted;
    }

    private static String holdReason(AwardChange change, Set<String> awaiting) {
        if (change.transcript() == TranscriptPolicy.REVIEW) {
            return "credential " + change.credentialId() + " is transcripted after a registrar's review";
        }
        if (awaiting.contains(change.awardId())) {
            return "held behind an earlier entry of award " + change.awardId() + " that waits in the review queue";
        }
        return null;
    }

    /** The SIS refused the entry for good: it waits as FAILED, with the SIS's message, for a fix and a resubmit. */
    void refused(Admitted refused, PermanentSisRejection rejection) {
        Instant now = clock.instant();
        store.findByKey(refused.entryKey())
                .ifPresentOrElse(
                        known -> store.refusedAgain(
                                known.entryId(), rejection.sisMessage(), rejection.getMessage(), now),
                        () -> store.insert(entry(
                                refused.change(),
                                ReviewStatus.FAILED,
                                rejection.sisMessage(),
                                rejection.getMessage())));
    }

    /** The SIS has the entries; those a registrar approved are WRITTEN. */
    void written(List<Admitted> admitted) {
        store.written(
                admitted.stream()
                        .filter(Admitted::approved)
                        .map(Admitted::entryKey)
                        .toList(),
                clock.instant());
    }

    /** The SIS acknowledged loading these entries: those a registrar approved are WRITTEN. */
    void acknowledged(List<String> entryKeys) {
        store.written(entryKeys, clock.instant());
    }

    /** Sends the entry on to the SIS through the outbox. */
    public ReviewedEntry approve(String entryId, String actor) {
        return transactions.execute(status -> {
            ReviewedEntry entry = awaitingRegistrar(entryId);
            if (entry.action() != TranscriptEntry.Action.ISSUED) {
                store.findByKey(entry.awardId() + "/" + TranscriptEntry.Action.ISSUED)
                        .filter(issued -> issued.status().awaitsRegistrar())
                        .ifPresent(issued -> {
                            throw new EntryStateException("entry " + entryId + " ends award " + entry.awardId()
                                    + ", whose ISSUED entry " + issued.entryId() + " is " + issued.status()
                                    + "; approve or reject that one first, so the SIS sees them in order");
                        });
            }
            Instant now = clock.instant();
            decide(entry, ReviewStatus.APPROVED, actor, "approved", now);
            AwardChange change = AwardChange.fromJson(entry.payload());
            outbox.appendInOrder(List.of(OutboxEvent.of(
                    Destination.TRANSCRIPT, APPROVED, entry.awardId(), change.eventType(), entry.payload(), now)));
            AfterCommit.run(wakeUpRelay);
            return store.find(entryId).orElseThrow();
        });
    }

    /** Keeps the entry off the transcript for good. */
    public ReviewedEntry reject(String entryId, String reason, String actor) {
        return transactions.execute(status -> {
            decide(awaitingRegistrar(entryId), ReviewStatus.REJECTED, actor, reason, clock.instant());
            return store.find(entryId).orElseThrow();
        });
    }

    public List<ReviewedEntry> list(ReviewStatus status, int limit) {
        return store.list(status, limit);
    }

    public ReviewedEntry find(String entryId) {
        return store.find(entryId).orElseThrow(() -> new EntryNotFoundException(entryId));
    }

    public List<ReviewedEntry.Step> history(String entryId) {
        return store.history(entryId);
    }

    private ReviewedEntry awaitingRegistrar(String entryId) {
        ReviewedEntry entry = find(entryId);
        if (!entry.status().awaitsRegistrar()) {
            throw new EntryStateException("entry " + entryId + " is " + entry.status()
                    + "; only entries PENDING_REVIEW or FAILED can be approved or rejected");
        }
        return entry;
    }

    private void decide(ReviewedEntry entry, ReviewStatus to, String actor, String note, Instant now) {
        if (!store.decide(entry.entryId(), AWAITING_REGISTRAR, to, actor, note, now)) {
            throw new EntryStateException("entry " + entry.entryId() + " was decided by someone else meanwhile");
        }
    }

    private ReviewedEntry entry(AwardChange change, ReviewStatus status, String sisMessage, String note) {
        Instant now = clock.instant();
        return new ReviewedEntry(
                UUID.randomUUID().toString(),
                TranscriptEntry.of(change).idempotencyKey(),
                change.awardId(),
                TranscriptEntry.Action.valueOf(change.action().name()),
                change.learnerId(),
                change.credentialId(),
                status,
                change.toJson(),
                sisMessage,
                note,
                null,
                null,
                now,
                now);
    }

    /** No entry in the queue has that id. */
    public static class EntryNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EntryNotFoundException(String entryId) {
            super("no transcript entry " + entryId + " in the review queue");
        }
    }

    /** The entry is not in a state that allows the action. */
    public static class EntryStateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EntryStateException(String message) {
            super(message);
        }
    }
}
