package io.credbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxBacklogGaugesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final MigratedDatabase database = MigratedDatabase.of(H2TestDatabase.newDataSource());
    private final OutboxStore store = new OutboxStore(database.jdbc());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void eachDestinationShowsHowManyEventsWaitAndHowLongTheOldestHasWaited() {
        new OutboxBacklogGauges(store, new CredBridgeMetrics(meters), clock);
        store.append(List.of(
                OutboxEvent.of(Destination.TRANSCRIPT, "award", "a-1", "award.issued", "{}", T0),
                OutboxEvent.of(Destination.TRANSCRIPT, "award", "a-2", "award.issued", "{}", T0.plusSeconds(30))));
        clock.advance(Duration.ofMinutes(90));

        assertThat(gauge("credbridge.outbox.waiting.events", "TRANSCRIPT")).isEqualTo(2);
        assertThat(gauge("credbridge.outbox.oldest.age", "TRANSCRIPT")).isEqualTo(5400);
        assertThat(gauge("credbridge.outbox.waiting.events", "BADGE")).isZero();
        assertThat(gauge("credbridge.outbox.oldest.age", "BADGE")).isZero();
    }

    @Test
    void aDeliveredEventLeavesTheBacklog() {
        new OutboxBacklogGauges(store, new CredBridgeMetrics(meters), clock);
        OutboxEvent event = OutboxEvent.of(Destination.BADGE, "award", "a-1", "award.issued", "{}", T0);
        store.append(List.of(event));
        clock.advance(Duration.ofSeconds(10));
        assertThat(gauge("credbridge.outbox.waiting.events", "BADGE")).isEqualTo(1);

        store.removeDelivered(List.of(event.eventId()));
        clock.advance(OutboxBacklogGauges.Reading.FRESH);

        assertThat(gauge("credbridge.outbox.waiting.events", "BADGE")).isZero();
        assertThat(gauge("credbridge.outbox.oldest.age", "BADGE")).isZero();
    }

    @Test
    void bothGaugesOfOneScrapeReadTheBacklogOnceAndTheNextScrapeReadsItAgain() {
        AtomicInteger queries = new AtomicInteger();
        OutboxBacklogGauges.Reading reading =
                new OutboxBacklogGauges.Reading(() -> new OutboxStore.Backlog(queries.incrementAndGet(), T0), clock);

        assertThat(reading.get().events()).isEqualTo(1);
        clock.advance(Duration.ofMillis(999));
        assertThat(reading.get().events()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(reading.get().events()).isEqualTo(2);
        assertThat(queries).hasValue(2);
    }

    private double gauge(String name, String destination) {
        return meters.get(name).tag("destination", destination).gauge().value();
    }
}
