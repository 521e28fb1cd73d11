package io.credbridge.deadletter;

import io.credbridge.jdbc.AfterCommit;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.FailedDeliveries;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.OutboxStore;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Files dead letters: the table row and an outbox event that publishes it to the dead-letter topic, both in the
 * caller's transaction, so a dead letter is never half-recorded.
 */
@Component
public class DeadLetterRecorder implements FailedDeliveries {

    private final DeadLetterStore store;
    private final OutboxStore outbox;
    private final CredBridgeMetrics metrics;
    private final Clock clock;

    public DeadLetterRecorder(DeadLetterStore store, OutboxStore outbox, CredBridgeMetrics metrics, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void record(List<DeadLetterEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        store.insert(entries);
        outbox.append(entries.stream()
                .map(entry -> OutboxEvent.of(
                        Destination.DEAD_LETTER,
                        "dead-letter",
                        entry.deadLetterId(),
                        "dead-letter.recorded",
                        entry.deadLetterId(),
                        clock.instant()))
                .toList());
        AfterCommit.run(() -> entries.forEach(
                entry -> metrics.deadLettered(entry.stage().code(), entry.source() == null ? "none" : entry.source())));
    }

    /**
     * Records the entry unless a dead letter with its id is there already: input whose id is derived from where it
     * came from (a queued message) and that is delivered again is filed once.
     *
     * @return whether it was recorded now
     */
    public boolean recordOnce(DeadLetterEntry entry) {
        if (store.find(entry.deadLetterId()).isPresent()) {
            return false;
        }
        record(List.of(entry));
        return true;
    }

    @Override
    public void gaveUp(List<OutboxEvent> events, String reason, String errorType) {
        record(events.stream()
                .map(event -> DeadLetterEntry.ofOutboxEvent(
                        event, "delivery failed after the last allowed attempt: " + reason, errorType, clock.instant()))
                .toList());
    }
}
