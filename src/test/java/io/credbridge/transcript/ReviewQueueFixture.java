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
import java.util.Map;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The transcript route's bean with its review queue and acknowledgement ledger on a real database, for adapter
 * tests outside this package. A round claims, delivers and forgets the events in one transaction of the test's: the
 * writes a delivery leaves for the relay's record of it ({@code DeliveryEffects}) then run in that transaction, so
 * they commit or roll back with the outbox update exactly as with the relay, which does not hold a transaction
 * during the SIS call itself ({@code OutboxRelayTest} and {@code OutboxRelayOnPostgresIT} cover that part).
 */
public final class ReviewQueueFixture {

    private final MigratedDatabase database;
    private final OutboxStore outbox;
    private final TranscriptReview review;
    private final TranscriptAcknowledgements acknowledgements;
    private final TranscriptAcknowledgementStore ledger;
    private final TranscriptSisRecords sisRecords;
    private final TranscriptEntries entries;
    private final Clock clock;

    private ReviewQueueFixture(
            MigratedDatabase database, TranscriptTargets targets, CredBridgeMetrics metrics, Clock clock) {
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
        sisRecords = new TranscriptSisRecords(database.jdbc());
        entries = new TranscriptEntries(targets, review, acknowledgements, sisRecords, metrics, clock);
    }

    public static ReviewQueueFixture of(MigratedDatabase database, TranscriptWriter writer, Clock clock) {
        return of(database, writer, new CredBridgeMetrics(new SimpleMeterRegistry()), clock);
    }

    public static ReviewQueueFixture of(
            MigratedDatabase database, TranscriptWriter writer, CredBridgeMetrics metrics, Clock clock) {
        return new ReviewQueueFixture(database, TranscriptTargets.only(writer), metrics, clock);
    }

    /** Entries going to the SIS their credential's route names ({@link TranscriptTargets}). */
    static ReviewQueueFixture routed(MigratedDatabase database, TranscriptTargets targets, Clock clock) {
        return new ReviewQueueFixture(database, targets, new CredBridgeMetrics(new SimpleMeterRegistry()), clock);
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

    /** The SIS record ids kept for these entries (award id / action), by entry key. */
    public Map<String, String> sisRecordIds(String... entryKeys) {
        return sisRecords.idsOf(List.of(entryKeys));
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
            database.transactions()
                    .executeWithoutResult(status -> outbox.removeDelivered(
                            deliverDue().stream().map(OutboxEvent::eventId).toList()));
        }
    }

    /** Claims the due events and delivers them, in the caller's transaction; answers them. */
    private List<OutboxEvent> deliverDue() {
        outbox.releaseReady(Destination.TRANSCRIPT, clock.instant());
        List<OutboxEvent> due = outbox.claimDue(Destination.TRANSCRIPT, 10, clock.instant());
        try {
            entries.deliver(due);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return due;
    }

    /** As the award stage leaves them: in the outbox, for the relay. */
    public void enqueue(AwardChange... changes) {
        database.transactions()
                .executeWithoutResult(status -> outbox.appendInOrder(
                        List.of(changes).stream().map(ReviewQueueFixture::event).toList()));
    }

    /**
     * One relay round that dies after the SIS call, before the outbox update commits (as a process killed there
     * would): the SIS got the entries, CredBridge's database knows nothing of it, and the events are due again.
     * Returns how many events the round delivered.
     */
    public int relayButCrashBeforeTheOutboxUpdate() {
        int[] delivered = {0};
        try {
            database.transactions().executeWithoutResult(status -> {
                delivered[0] = deliverDue().size();
                throw new SimulatedCrash();
            });
        } catch (SimulatedCrash expected) {
            // The transaction rolled back, as the database does for a connection that died.
        }
        return delivered[0];
    }

    /** How many events the outbox still holds for the SIS. */
    public int pendingForSis() {
        Integer count = database.jdbc()
                .queryForObject(
                        "select count(*) from outbox_event where destination = 'TRANSCRIPT'", Map.of(), Integer.class);
        return count == null ? 0 : count;
    }

    private static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;
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

    /** The same, made when the identity mapping knew Alice's SIS person id. */
    public static AwardChange change(String awardId, String action, String policy, String sisPersonId) {
        String json = change(awardId, action, policy).toJson();
        if (!json.contains("\"sisPersonId\":null")) {
            throw new IllegalStateException("the award change's JSON no longer writes sisPersonId: " + json);
        }
        return AwardChange.fromJson(json.replace("\"sisPersonId\":null", "\"sisPersonId\":\"" + sisPersonId + "\""));
    }
}
