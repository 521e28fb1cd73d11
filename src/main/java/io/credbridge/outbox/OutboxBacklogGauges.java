package io.credbridge.outbox;

import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Publishes each destination's outbox backlog as gauges. A destination that is away is retried for as long as it
 * is away (its attempts do not count toward giving up), so the backlog and its age are how an operator sees a long
 * outage, or one entry the SIS keeps putting off.
 */
@Component
class OutboxBacklogGauges {

    OutboxBacklogGauges(OutboxStore store, CredBridgeMetrics metrics, Clock clock) {
        for (Destination destination : Destination.values()) {
            Reading backlog = new Reading(() -> store.backlog(destination), clock);
            metrics.outboxBacklog(
                    destination.name(), () -> backlog.get().events(), () -> ageSeconds(backlog.get(), clock));
        }
    }

    /**
     * One destination's backlog, read once for both of its gauges: a scrape reads them back to back, and each read
     * is a query over the outbox.
     */
    static final class Reading {

        static final Duration FRESH = Duration.ofSeconds(1);

        private final Supplier<OutboxStore.Backlog> query;
        private final Clock clock;
        private OutboxStore.Backlog last;
        private Instant readAt;

        Reading(Supplier<OutboxStore.Backlog> query, Clock clock) {
            this.query = query;
            this.clock = clock;
        }

        synchronized OutboxStore.Backlog get() {
            Instant now = clock.instant();
            if (last == null || !now.isBefore(readAt.plus(FRESH))) {
                last = query.get();
                readAt = now;
            }
            return last;
        }
    }

    static double ageSeconds(OutboxStore.Backlog backlog, Clock clock) {
        if (backlog.oldest() == null) {
            return 0;
        }
        Duration age = Duration.between(backlog.oldest(), clock.instant());
        return age.isNegative() ? 0 : age.toMillis() / 1000.0;
    }
}
