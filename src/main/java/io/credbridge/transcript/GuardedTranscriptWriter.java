package io.credbridge.transcript;

import io.credbridge.ops.CredBridgeMetrics;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.List;

/**
 * A SIS adapter behind a circuit breaker of its own. When the SIS keeps failing (only failures that retrying could
 * cure count; a refused entry is the SIS working), the breaker opens and deliveries fail at once as transient, so
 * the outbox stops hammering a SIS that is down and retries after the breaker's wait; awards keep flowing in the
 * meantime. After the wait a few trial calls decide whether it closes again.
 */
public final class GuardedTranscriptWriter implements TranscriptWriter {

    private final TranscriptWriter sis;
    private final CircuitBreaker breaker;
    private final TranscriptProperties.Breaker settings;

    GuardedTranscriptWriter(TranscriptWriter sis, TranscriptProperties.Breaker settings, CredBridgeMetrics metrics) {
        this.sis = sis;
        this.settings = settings;
        this.breaker = CircuitBreaker.of(
                "sis-" + sis.target(),
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(settings.failureRateThreshold())
                        .slidingWindowSize(settings.slidingWindowSize())
                        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                        .waitDurationInOpenState(settings.waitInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .recordException(error -> error instanceof TransientSisFailure)
                        .build());
        metrics.sisBreakerState(sis.target(), () -> stateNumber(breaker.getState()));
    }

    /** Guards a SIS adapter with a breaker configured by {@code credbridge.transcript.breaker.*}. */
    public static GuardedTranscriptWriter of(
            TranscriptWriter sis, TranscriptProperties properties, CredBridgeMetrics metrics) {
        return new GuardedTranscriptWriter(sis, properties.breaker(), metrics);
    }

    @Override
    public List<WrittenEntry> write(List<TranscriptEntry> entries) throws Exception {
        try {
            return breaker.executeCheckedSupplier(() -> sis.write(entries));
        } catch (CallNotPermittedException open) {
            throw new TransientSisFailure(
                    target() + " is failing: its circuit breaker is open, the entries are retried later",
                    settings.waitInOpenState(),
                    open);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable other) {
            throw new IllegalStateException(other);
        }
    }

    @Override
    public String target() {
        return sis.target();
    }

    @Override
    public boolean acknowledgesLater() {
        return sis.acknowledgesLater();
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    public CircuitBreaker.Metrics breakerMetrics() {
        return breaker.getMetrics();
    }

    private static int stateNumber(CircuitBreaker.State state) {
        switch (state) {
            case CLOSED:
                return 0;
            case OPEN:
            case FORCED_OPEN:
                return 1;
            case HALF_OPEN:
                return 2;
            default:
                return -1;
        }
    }
}
