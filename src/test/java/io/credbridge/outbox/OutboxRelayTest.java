package io.credbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Timeout(30)
class OutboxRelayTest {

    static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final OutboxProperties properties = new OutboxProperties(
            100, Duration.ofMinutes(10), 3, Duration.ofSeconds(1), Duration.ofSeconds(3), 0, Duration.ofSeconds(30));
    private final List<List<String>> delivered = new CopyOnWriteArrayList<>();
    private final List<OutboxEvent> givenUp = new CopyOnWriteArrayList<>();
    private volatile boolean destinationDown;
    private volatile String poisonId;
    private volatile RuntimeException refusal;
    private MigratedDatabase database;
    private OutboxStore store;
    private OutboxRelay relay;
    private final List<OutboxRelay> otherRelays = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = MigratedDatabase.of(H2TestDatabase.newDataSource());
        store = new OutboxStore(database.jdbc());
        OutboxDelivery delivery = events -> {
            if (refusal != null) {
                // Camel hands the relay what a route's bean threw wrapped in its own exception.
                throw new IllegalStateException("route failed", refusal);
            }
            if (destinationDown
                    || events.stream().anyMatch(event -> event.eventId().equals(poisonId))) {
                throw new IllegalStateException("destination refused the batch");
            }
            delivered.add(events.stream().map(OutboxEvent::eventId).toList());
        };
        relay = new OutboxRelay(
                store,
                database.transactions(),
                Map.of(Destination.BADGE, delivery, Destination.DEAD_LETTER, delivery),
                (events, reason, errorType) -> givenUp.addAll(events),
                properties,
                clock);
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
        otherRelays.forEach(OutboxRelay::stop);
    }

    @Test
    void deliversDueEventsAsOneBatchAndRemovesThemFromTheOutbox() {
        List<OutboxEvent> events = append(Destination.BADGE, 3);

        assertThat(relay.relayOnce(Destination.BADGE)).isEqualTo(3);
        assertThat(relay.relayOnce(Destination.BADGE)).isZero();

        assertThat(delivered).containsExactly(ids(events));
        assertThat(List.of("PENDING", "WAITING", "FAILED"))
                .as("a delivered event leaves the outbox")
                .allSatisfy(status -> assertThat(store.countByStatus(Destination.BADGE, status))
                        .isZero());
    }

    @Test
    void aFailedBatchIsRetriedAfterABackoffThatDoublesUpToTheMaximum() {
        append(Destination.BADGE, 1);
        destinationDown = true;

        relay.relayOnce(Destination.BADGE);
        clock.advance(Duration.ofMillis(999));
        assertThat(relay.relayOnce(Destination.BADGE))
                .as("not due before the first delay")
                .isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(relay.relayOnce(Destination.BADGE)).isEqualTo(1);
        clock.advance(Duration.ofMillis(1999));
        assertThat(relay.relayOnce(Destination.BADGE))
                .as("the second delay is doubled")
                .isZero();
        destinationDown = false;
        clock.advance(Duration.ofMillis(1));
        assertThat(relay.relayOnce(Destination.BADGE)).isEqualTo(1);

        assertThat(delivered).hasSize(1);
        assertThat(givenUp).isEmpty();
    }

    @Test
    void eventsThatFailedTogetherAreRetriedAtTimesSpreadOverTheJitterOfTheirBackoff() {
        List<OutboxEvent> events = append(Destination.BADGE, 20);
        OutboxRelay jittered = relayOf(
                batch -> {
                    throw new IllegalStateException("the SIS is down");
                },
                new OutboxProperties(
                        100,
                        Duration.ofMinutes(10),
                        3,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(3),
                        0.5,
                        Duration.ofSeconds(30)));

        jittered.relayOnce(Destination.BADGE);

        List<Instant> due = events.stream().map(this::dueAt).toList();
        assertThat(due)
                .as("between half and all of the 1s backoff")
                .allSatisfy(at -> assertThat(at).isBetween(T0.plusMillis(500), T0.plusSeconds(1)));
        assertThat(due.stream().distinct().count()).as("not all at once").isGreaterThan(1);
    }

    @Test
    void anEventIsGivenUpAfterItsLastAllowedAttemptAndMarkedFailed() {
        OutboxEvent event = append(Destination.BADGE, 1).get(0);
        destinationDown = true;

        for (int attempt = 0; attempt < properties.maxAttempts(); attempt++) {
            relay.relayOnce(Destination.BADGE);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(givenUp).extracting(OutboxEvent::eventId).containsExactly(event.eventId());
        assertThat(store.countByStatus(Destination.BADGE, "FAILED")).isEqualTo(1);
        assertThat(relay.relayOnce(Destination.BADGE)).isZero();
    }

    @Test
    void aPoisonEventIsRetriedAloneSoTheEventsBehindItAreDelivered() {
        List<OutboxEvent> events = append(Destination.BADGE, 3);
        poisonId = events.get(0).eventId();

        relay.relayOnce(Destination.BADGE);
        clock.advance(Duration.ofSeconds(1));
        while (relay.relayOnce(Destination.BADGE) > 0) {
            // each event that failed with the batch is now tried on its own
        }

        assertThat(delivered)
                .containsExactly(
                        List.of(events.get(1).eventId()), List.of(events.get(2).eventId()));
        assertThat(store.countByStatus(Destination.BADGE, "PENDING")).isEqualTo(1);
    }

    @Test
    void deadLettersAreRetriedWithoutEverBeingGivenUp() {
        append(Destination.DEAD_LETTER, 1);
        destinationDown = true;

        for (int attempt = 0; attempt < properties.maxAttempts() + 2; attempt++) {
            relay.relayOnce(Destination.DEAD_LETTER);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(givenUp).isEmpty();
        assertThat(store.countByStatus(Destination.DEAD_LETTER, "PENDING")).isEqualTo(1);
    }

    @Test
    void aRunningRelayDeliversAsSoonAsItIsWokenUpRatherThanAtItsNextPoll() {
        relay.start();
        List<OutboxEvent> events = append(Destination.BADGE, 2);

        relay.wakeUp();

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains(ids(events)));
    }

    @Test
    void aLoneEventTheDestinationRefusesForGoodIsGivenUpAtOnceInsteadOfSpendingItsAttempts() {
        OutboxEvent event = append(Destination.BADGE, 1).get(0);
        refusal = new PermanentDeliveryFailure("SIS said: Person not found");

        relay.relayOnce(Destination.BADGE);

        assertThat(givenUp).extracting(OutboxEvent::eventId).containsExactly(event.eventId());
        assertThat(store.countByStatus(Destination.BADGE, "FAILED")).isEqualTo(1);
    }

    @Test
    void aBatchWithARefusedEventIsRetriedOneByOneSoOnlyTheRefusedEventIsGivenUp() {
        List<OutboxEvent> events = append(Destination.BADGE, 2);
        refusal = new PermanentDeliveryFailure("SIS said: Person not found");

        relay.relayOnce(Destination.BADGE);

        assertThat(givenUp).as("which of the two was refused is not known yet").isEmpty();
        assertThat(store.countByStatus(Destination.BADGE, "PENDING")).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        relay.relayOnce(Destination.BADGE);
        assertThat(givenUp)
                .extracting(OutboxEvent::eventId)
                .containsExactly(events.get(0).eventId());
    }

    @Test
    void anEventWhoseDestinationStaysAwayLongerThanEveryAllowedAttemptIsRetriedNotGivenUp() {
        OutboxEvent event = append(Destination.BADGE, 1).get(0);
        refusal = new DeliveryDeferred("the SIS's circuit breaker is open", Duration.ofMinutes(1), null);

        for (int attempt = 0; attempt < properties.maxAttempts() * 3; attempt++) {
            relay.relayOnce(Destination.BADGE);
            clock.advance(properties.maxRetryDelay().plusMinutes(1));
        }
        assertThat(givenUp).isEmpty();
        assertThat(store.countByStatus(Destination.BADGE, "FAILED")).isZero();

        refusal = null;
        relay.relayOnce(Destination.BADGE);
        assertThat(delivered).containsExactly(List.of(event.eventId()));
    }

    @Test
    void aBadgeWhoseSendTimesOutWhileTheBrokersAreDownIsRetriedPastEveryAllowedAttempt() {
        append(Destination.BADGE, 1);
        refusal = new TimeoutException("Expiring 1 record(s): 120000 ms has passed");

        for (int attempt = 0; attempt < properties.maxAttempts() * 2; attempt++) {
            relay.relayOnce(Destination.BADGE);
            clock.advance(properties.maxRetryDelay().plusMinutes(1));
        }

        assertThat(givenUp).isEmpty();
        assertThat(store.countByStatus(Destination.BADGE, "PENDING")).isEqualTo(1);
    }

    @Test
    void aDeferredDeliveryIsRetriedNoEarlierThanTheDestinationAskedEvenWhenItsBackoffIsShorter() {
        append(Destination.BADGE, 1);
        refusal = new DeliveryDeferred("429 Too Many Requests", Duration.ofSeconds(30), null);

        relay.relayOnce(Destination.BADGE);
        refusal = null;
        clock.advance(Duration.ofSeconds(29));
        assertThat(relay.relayOnce(Destination.BADGE))
                .as("the backoff alone is 1s")
                .isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relayOnce(Destination.BADGE)).isEqualTo(1);

        assertThat(delivered).hasSize(1);
    }

    @Test
    void aBatchIsDeliveredWithNoTransactionOpenAndForgottenWithTheWritesItsDestinationLeft() {
        List<OutboxEvent> events = append(Destination.BADGE, 2);
        List<Boolean> transactionDuringDelivery = new CopyOnWriteArrayList<>();
        List<Boolean> transactionDuringEffect = new CopyOnWriteArrayList<>();
        OutboxRelay sis = relayOf(batch -> {
            transactionDuringDelivery.add(TransactionSynchronizationManager.isActualTransactionActive());
            DeliveryEffects.afterDelivery(
                    () -> transactionDuringEffect.add(TransactionSynchronizationManager.isActualTransactionActive()
                            && store.countByStatus(Destination.BADGE, "PENDING") == 2));
        });

        assertThat(sis.relayOnce(Destination.BADGE)).isEqualTo(2);

        assertThat(transactionDuringDelivery).containsExactly(false);
        assertThat(transactionDuringEffect)
                .as("the write runs in the transaction that forgets the events, before it does")
                .containsExactly(true);
        assertThat(store.undelivered(
                        Destination.BADGE,
                        events.stream().map(OutboxEvent::aggregateId).toList()))
                .isEmpty();
    }

    @Test
    void theWritesOfAFailedDeliveryAreDroppedAndTheBatchIsRetried() {
        append(Destination.BADGE, 1);
        List<String> writes = new CopyOnWriteArrayList<>();
        OutboxRelay failing = relayOf(batch -> {
            DeliveryEffects.afterDelivery(() -> writes.add("written"));
            throw new IllegalStateException("the SIS answered 503 after the entry was prepared");
        });

        failing.relayOnce(Destination.BADGE);

        assertThat(writes).isEmpty();
        assertThat(store.countByStatus(Destination.BADGE, "PENDING")).isOne();
    }

    @Test
    void aPartialDeliveryForgetsTheDeliveredEventsWithTheirWritesAndRetriesOnlyTheOthers() {
        List<OutboxEvent> events = append(Destination.BADGE, 3);
        List<String> writes = new CopyOnWriteArrayList<>();
        OutboxRelay twoSis = relayOf(batch -> {
            DeliveryEffects.afterDelivery(() -> writes.add("record ids of the entries written"));
            throw new IllegalStateException(
                    "route failed",
                    new PartialDelivery(
                            List.of(events.get(0).eventId(), events.get(2).eventId()),
                            new IllegalStateException("the other SIS answered 503")));
        });

        twoSis.relayOnce(Destination.BADGE);

        assertThat(writes).containsExactly("record ids of the entries written");
        assertThat(store.undelivered(
                        Destination.BADGE,
                        events.stream().map(OutboxEvent::aggregateId).toList()))
                .containsExactly(events.get(1).aggregateId());
        assertThat(database.jdbc()
                        .queryForObject(
                                "select last_error from outbox_event where event_id = :id",
                                Map.of("id", events.get(1).eventId()),
                                String.class))
                .isEqualTo("the other SIS answered 503");
    }

    @Test
    void aBatchBeingDeliveredIsLeasedSoAnotherRelayDoesNotTakeItMeanwhile() throws Exception {
        List<OutboxEvent> events = append(Destination.BADGE, 3);
        SlowDestination slow = new SlowDestination(properties);
        OutboxRelay other = relayOf(batch -> delivered.add(ids(batch)));
        slow.startDelivering();

        assertThat(other.relayOnce(Destination.BADGE)).isZero();
        clock.advance(Duration.ofSeconds(29));
        assertThat(other.relayOnce(Destination.BADGE)).as("the lease is 30s").isZero();

        slow.answers();
        assertThat(delivered).containsExactly(ids(events));
        assertThat(store.countByStatus(Destination.BADGE, "PENDING")).isZero();
    }

    @Test
    void theLeaseIsRenewedWhileTheDeliveryLastsLongerThanTheLease() throws Exception {
        List<OutboxEvent> events = append(Destination.BADGE, 1);
        OutboxProperties shortLease = new OutboxProperties(
                100,
                Duration.ofMinutes(10),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                0,
                Duration.ofMillis(300));
        SlowDestination slow = new SlowDestination(shortLease);
        OutboxRelay other = relayOf(batch -> delivered.add(List.of("twice")), shortLease);
        // Running, so that its lease renewal runs: its own worker takes the batch.
        slow.relay.start();
        slow.delivering.await();

        clock.advance(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(dueAt(events.get(0))).isAfter(clock.instant()));
        assertThat(other.relayOnce(Destination.BADGE))
                .as("five seconds is many leases, but each was renewed")
                .isZero();

        slow.answer.countDown();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(store.countByStatus(Destination.BADGE, "PENDING"))
                        .isZero());
        assertThat(delivered).containsExactly(ids(events));
    }

    @Test
    void aBatchLeftByARelayThatDiedIsDeliveredByAnotherOnceItsLeaseRunsOut() {
        List<OutboxEvent> events = append(Destination.BADGE, 2);
        database.transactions()
                .executeWithoutResult(status -> store.lease(
                        ids(store.claimDue(Destination.BADGE, 100, clock.instant())),
                        clock.instant().plus(Duration.ofSeconds(30))));

        assertThat(relay.relayOnce(Destination.BADGE)).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(relay.relayOnce(Destination.BADGE)).isEqualTo(2);

        assertThat(delivered).containsExactly(ids(events));
    }

    @Test
    void anAwardsLaterChangeWaitsBehindItsEarlierOneWhileThatIsLeased() throws Exception {
        OutboxEvent issued = OutboxEvent.of(Destination.BADGE, "award", "a-1", "award.issued", "{}", clock.instant());
        store.append(List.of(issued));
        SlowDestination slow = new SlowDestination(properties);
        slow.startDelivering();
        OutboxEvent revoked = OutboxEvent.of(Destination.BADGE, "award", "a-1", "award.revoked", "{}", clock.instant());
        database.transactions().executeWithoutResult(status -> store.appendInOrder(List.of(revoked)));

        assertThat(relay.relayOnce(Destination.BADGE)).isZero();
        slow.answers();
        assertThat(relay.relayOnce(Destination.BADGE)).isEqualTo(1);

        assertThat(delivered).containsExactly(List.of(issued.eventId()), List.of(revoked.eventId()));
    }

    /** A destination that takes its batch and answers only when told, delivered to on a thread of its own. */
    private final class SlowDestination {
        final CountDownLatch delivering = new CountDownLatch(1);
        final CountDownLatch answer = new CountDownLatch(1);
        final OutboxRelay relay;
        private Thread thread;

        SlowDestination(OutboxProperties settings) {
            relay = relayOf(
                    batch -> {
                        delivering.countDown();
                        answer.await();
                        delivered.add(ids(batch));
                    },
                    settings);
        }

        void startDelivering() throws InterruptedException {
            thread = new Thread(() -> relay.relayOnce(Destination.BADGE));
            thread.start();
            delivering.await();
        }

        void answers() throws InterruptedException {
            answer.countDown();
            thread.join();
        }
    }

    private OutboxRelay relayOf(OutboxDelivery delivery) {
        return relayOf(delivery, properties);
    }

    private OutboxRelay relayOf(OutboxDelivery delivery, OutboxProperties settings) {
        OutboxRelay other = new OutboxRelay(
                store,
                database.transactions(),
                Map.of(Destination.BADGE, delivery),
                (events, reason, errorType) -> givenUp.addAll(events),
                settings,
                clock);
        otherRelays.add(other);
        return other;
    }

    private Instant dueAt(OutboxEvent event) {
        return database.jdbc()
                .queryForObject(
                        "select next_attempt_at from outbox_event where event_id = :id",
                        Map.of("id", event.eventId()),
                        java.sql.Timestamp.class)
                .toInstant();
    }

    private List<OutboxEvent> append(Destination destination, int count) {
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(OutboxEvent.of(destination, "award", "award-" + i, "award.issued", "{}", clock.instant()));
        }
        store.append(events);
        return events;
    }

    private static List<String> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::eventId).toList();
    }
}
