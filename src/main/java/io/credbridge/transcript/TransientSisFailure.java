package io.credbridge.transcript;

import io.credbridge.outbox.DeliveryDeferred;
import java.time.Duration;

/**
 * The SIS could not take a transcript entry now but may later: a 5xx, a timeout, a refused connection, a 429, an
 * optimistic-lock conflict (409), a locked record, or the target's circuit breaker being open. The outbox retries
 * the entry, no earlier than the SIS asked ({@code Retry-After}).
 */
public class TransientSisFailure extends DeliveryDeferred {

    private static final long serialVersionUID = 1L;

    public TransientSisFailure(String message, Duration retryAfter, Throwable cause) {
        super(message, retryAfter, cause);
    }

    public TransientSisFailure(String message) {
        this(message, Duration.ZERO, null);
    }
}
