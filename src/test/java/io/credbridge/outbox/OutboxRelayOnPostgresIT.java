package io.credbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A SIS that takes its time holds nothing in PostgreSQL: while a batch is being delivered, no transaction holds its
 * rows (another session locks them at once, {@code nowait}), yet no other relay takes them.
 */
@RequiresPostgres
@Timeout(60)
class OutboxRelayOnPostgresIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final MigratedDatabase database = MigratedDatabase.of(PostgresTestDatabase.newSchemaDataSource());
    private final OutboxStore store = new OutboxStore(database.jdbc());
    private final OutboxProperties properties = new OutboxProperties(
            100, Duration.ofMinutes(10), 3, Duration.ofSeconds(1), Duration.ofSeconds(3), 0, Duration.ofSeconds(15));

    @Test
    void aBatchBeingDeliveredToASlowSisHoldsNoRowLockYetNoOtherRelayTakesIt() throws Exception {
        List<OutboxEvent> events = List.of(
                OutboxEvent.of(Destination.TRANSCRIPT, "award", "a-1", "award.issued", "{}", clock.instant()),
                OutboxEvent.of(Destination.TRANSCRIPT, "award", "a-2", "award.issued", "{}", clock.instant()));
        store.append(events);
        CountDownLatch sisIsWorking = new CountDownLatch(1);
        CountDownLatch sisAnswers = new CountDownLatch(1);
        List<String> delivered = new CopyOnWriteArrayList<>();
        OutboxRelay slow = relay(batch -> {
            sisIsWorking.countDown();
            sisAnswers.await();
            batch.forEach(event -> delivered.add(event.eventId()));
        });
        OutboxRelay other = relay(batch -> batch.forEach(event -> delivered.add("twice:" + event.eventId())));

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> slow.relayOnce(Destination.TRANSCRIPT));
        sisIsWorking.await();
        Integer lockedAtOnce = database.transactions()
                .execute(status -> database.jdbc()
                        .queryForList(
                                "select seq from outbox_event where destination = 'TRANSCRIPT' for update nowait",
                                Map.of(),
                                Long.class)
                        .size());
        int takenByTheOther = other.relayOnce(Destination.TRANSCRIPT);
        sisAnswers.countDown();

        assertThat(lockedAtOnce).as("no lock held on the rows being delivered").isEqualTo(2);
        assertThat(takenByTheOther).isZero();
        assertThat(first.get()).isEqualTo(2);
        assertThat(delivered)
                .containsExactlyElementsOf(
                        events.stream().map(OutboxEvent::eventId).toList());
        assertThat(store.countByStatus(Destination.TRANSCRIPT, "PENDING")).isZero();
    }

    private OutboxRelay relay(OutboxDelivery delivery) {
        return new OutboxRelay(
                store,
                database.transactions(),
                Map.of(Destination.TRANSCRIPT, delivery),
                (events, reason, errorType) -> {},
                properties,
                clock);
    }
}
