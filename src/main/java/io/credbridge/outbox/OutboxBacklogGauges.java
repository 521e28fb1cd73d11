package io.credbridge.outbox;

import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import java.time.Duration;
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
            metrics.outboxBacklog(
                    destination.name(),
                    () -> store.backlog(destination).events(),
                    () -> ageSeconds(store.backlog(destination), clock));
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
