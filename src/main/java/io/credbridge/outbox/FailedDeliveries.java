package io.credbridge.outbox;

import java.util.List;

/**
 * Receives events that failed their last allowed attempt, inside the relay's transaction, so that marking them
 * failed and recording them elsewhere (the dead-letter store) happen together.
 */
@FunctionalInterface
public interface FailedDeliveries {

    void gaveUp(List<OutboxEvent> events, String reason, String errorType);
}
