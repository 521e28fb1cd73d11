package io.credbridge.outbox;

import java.time.Duration;

/**
 * Thrown by a delivery whose destination asked to be called again later (HTTP 429 or 503 with {@code Retry-After},
 * a record lock, an open circuit breaker). The event is retried no earlier than {@link #retryAfter()} and no
 * earlier than its backoff.
 */
public class DeliveryDeferred extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public DeliveryDeferred(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    /** How long the destination asked us to wait; zero when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
