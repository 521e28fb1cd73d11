package io.credbridge.ingest;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rate limiter per client, so that one client's flood is refused while the others go on. The clients seen are
 * bounded: a limiter is a few hundred bytes, and remote addresses are many, so past {@code trackedClients} the
 * count starts over for everyone rather than growing without end.
 */
final class ClientRates {

    private final RateLimiterConfig config;
    private final int trackedClients;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    ClientRates(int requestsPerSecond, int trackedClients) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(requestsPerSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
        this.trackedClients = trackedClients;
    }

    /** Whether the client may send this request now; never waits. */
    boolean admit(String client) {
        if (limiters.size() >= trackedClients && !limiters.containsKey(client)) {
            limiters.clear();
        }
        return limiters.computeIfAbsent(client, name -> RateLimiter.of(name, config))
                .acquirePermission();
    }
}
