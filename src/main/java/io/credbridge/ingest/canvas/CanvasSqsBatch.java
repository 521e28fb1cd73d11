package io.credbridge.ingest.canvas;

import io.credbridge.avro.LearningEvent;
import java.util.List;

/**
 * The messages one receive took off the queue, each read into what it holds. While the batch is in flight their
 * visibility is extended; it ends with {@link CanvasSqsIngest#release}, published and deleted or not.
 */
public final class CanvasSqsBatch {

    static final CanvasSqsBatch EMPTY = new CanvasSqsBatch(List.of(), () -> {});

    private final List<QueuedEvent> events;
    private final Runnable stopExtending;
    private volatile boolean acknowledged;

    CanvasSqsBatch(List<QueuedEvent> events, Runnable stopExtending) {
        this.events = List.copyOf(events);
        this.stopExtending = stopExtending;
    }

    /** Whether the receive got any message (the scheduler polls again at once when it did). */
    public boolean received() {
        return !events.isEmpty();
    }

    /** Every LearningEvent the batch's messages yield, to publish together. */
    public List<LearningEvent> learningEvents() {
        return events.stream().flatMap(event -> event.events().stream()).toList();
    }

    List<QueuedEvent> events() {
        return events;
    }

    boolean acknowledged() {
        return acknowledged;
    }

    void markAcknowledged() {
        acknowledged = true;
    }

    void stopExtending() {
        stopExtending.run();
    }
}
