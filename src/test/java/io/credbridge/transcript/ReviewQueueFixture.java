package io.credbridge.transcript;

import io.credbridge.award.AwardChange;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.OutboxStore;
import io.credbridge.testsupport.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The transcript route's bean with its review queue and acknowledgement ledger on a real database, for adapter
 * tests outside this package: award changes delivered as the outbox relay delivers them, in its transaction.
 */
public final class ReviewQueueFixture {

    private final MigratedDatabase database;
    private final OutboxStore outbox;
    private final TranscriptReview review;
    private final TranscriptAcknowledgements acknowledgements;
    private final TranscriptAcknowledgementStore ledger;
    private final TranscriptEntries entries;
    private final Clock clock;

    private ReviewQueueFixture(
            MigratedDatabase database, TranscriptWriter writer, CredBridgeMetrics metrics, Clock clock) {
        this.database = database;
        this.clock = clock;
        outbox = new OutboxStore(database.jdbc());
        review = new TranscriptReview(
                new TranscriptReviewStore(database.jdbc()), outbox, () -> {}, database.transactions(), metrics, clock);
        ledger = new TranscriptAcknowledgementStore(database.jdbc());
        acknowledgements = new TranscriptAcknowledgements(
                ledger,
                review,
                new StaticListableBeanFactory().getBeanProvider(AcknowledgementSource.class),
                database.transactions(),
                metrics,
                clock);
        entries = new TranscriptEntries(writer, review, acknowledgements, metrics);
    }

    public static ReviewQueueFixture of(MigratedDatabase database, TranscriptWriter writer, Clock clock) {
        return of(database, writer, new CredBridgeMetrics(new SimpleMeterRegistry()), clock);
    }

    public static ReviewQueueFixture of(
            MigratedDatabase database, TranscriptWriter writer, CredBridgeMetrics metrics, Clock clock) {
        return new ReviewQueueFixture(database, writer, metrics, clock);
    }

    public OutboxStore outbox() {
        return outbox;
    }

    /** The route's bean itself, to call outside a transaction. */
    TranscriptEntries entries() {
        return entries;
    }

    public TranscriptReview review() {
        return review;
    }

    public TranscriptAcknowledgements acknowledgements() {
        return acknowledgements;
    }

    /** How many delivered entries the ledger holds in the status: SENT, WRITTEN or REJECTED. */
    public long acknowledged(String status) {
        return ledger.count(status);
    }

    /** As the award stage writes them and the relay hands them over, in one batch, in the relay's transaction. */
    public void deliver(AwardChange... changes) {
        database.transactions().executeWithoutResult(status -> {
            try {
                entries.deliver(
                        List.of(changes).stream().map(ReviewQueueFixture::event).toList());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Delivers what the outbox holds for the SIS (approved entries), as the relay would, round after round: an
     * award's later entry is released only once its earlier one is delivered.
     */
    public void relay() {
        for (int round = 0; round < 5; round++) {
            database.transactions().executeWithoutResult(status -> {
                outbox.releaseReady(Destination.TRANSCRIPT, clock.instant());
                List<OutboxEvent> due = outbox.claimDue(Destination.TRANSCRIPT, 10, clock.instant());
                try {
                    entries.deliver(due);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                outbox.removeDelivered(due.stream().map(OutboxEvent::eventId).toList());
            });
        }
    }

    static OutboxEvent event(AwardChange change) {
        return OutboxEvent.of(
                Destination.TRANSCRIPT,
                "award",
                change.awardId(),
                change.eventType(),
                change.toJson(),
                change.awardedAt());
    }

    /** An award change of Alice's badge; {@code policy} is the credential's transcript policy. */
    public static AwardChange change(String awardId, String action, String policy) {
        return TranscriptReviewTest.change(awardId, action, policy);
    }
}
