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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OutboxRelayTest {

    static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final OutboxProperties properties =
            new OutboxProperties(100, Duration.ofMinutes(10), 3, Duration.ofSeconds(1), Duration.ofSeconds(3));
    private final List<List<String>> delivered = new CopyOnWriteArrayList<>();
    private final List<OutboxEvent> givenUp = new CopyOnWriteArrayList<>();
    private volatile boolean destinationDown;
    private volatile String poisonId;
    private volatile RuntimeException refusal;
    private OutboxStore store;
    private OutboxRelay relay;

    @BeforeEach
    void setUp() {
        MigratedDatabase database = MigratedDatabase.of(H2TestDatabase.newDataSource());
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
