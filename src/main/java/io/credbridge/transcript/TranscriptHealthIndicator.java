package io.credbridge.transcript;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code transcript} health component: the default SIS target and every target entries can go to, each behind a
 * circuit breaker with its state. An open breaker is DEGRADED, not DOWN: awards and badges still flow and transcript entries wait in
 * the outbox, so the instance must not be taken out of service for it.
 */
@Component("transcriptHealthIndicator")
class TranscriptHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the SIS is failing; transcript entries wait in the outbox");

    private final List<TranscriptWriter> writers;

    @Autowired
    TranscriptHealthIndicator(TranscriptTargets targets) {
        this(targets.all());
    }

    /** The default target first, then those of the routes. */
    TranscriptHealthIndicator(List<TranscriptWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    @Override
    public Health health() {
        boolean degraded = false;
        Map<String, Object> targets = new LinkedHashMap<>();
        for (TranscriptWriter writer : writers) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (writer instanceof GuardedTranscriptWriter guarded) {
                degraded |= guarded.state() != CircuitBreaker.State.CLOSED;
                details.put("breaker", guarded.state().name());
                details.put("failureRate", guarded.breakerMetrics().getFailureRate());
            }
            targets.put(writer.target(), details);
        }
        return (degraded ? Health.status(DEGRADED) : Health.up())
                .withDetail("target", writers.get(0).target())
                .withDetail("targets", targets)
                .build();
    }
}
