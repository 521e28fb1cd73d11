package io.credbridge.transcript;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code transcript} health component: which SIS target is active and, for a SIS behind a circuit breaker,
 * its state. An open breaker is DEGRADED, not DOWN: awards and badges still flow and transcript entries wait in
 * the outbox, so the instance must not be taken out of service for it.
 */
@Component("transcriptHealthIndicator")
class TranscriptHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the SIS is failing; transcript entries wait in the outbox");

    private final TranscriptWriter writer;

    TranscriptHealthIndicator(TranscriptWriter writer) {
        this.writer = writer;
    }

    @Override
    public Health health() {
        if (!(writer instanceof GuardedTranscriptWriter)) {
            return Health.up().withDetail("target", writer.target()).build();
        }
        GuardedTranscriptWriter guarded = (GuardedTranscriptWriter) writer;
        CircuitBreaker.State state = guarded.state();
        Health.Builder health = state == CircuitBreaker.State.CLOSED ? Health.up() : Health.status(DEGRADED);
        return health.withDetail("target", writer.target())
                .withDetail("breaker", state.name())
                .withDetail("failureRate", guarded.breakerMetrics().getFailureRate())
                .build();
    }
}
