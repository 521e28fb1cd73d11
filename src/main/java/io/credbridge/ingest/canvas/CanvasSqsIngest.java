package io.credbridge.ingest.canvas;

import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.deadletter.IngestDeadLetters;
import io.credbridge.ingest.caliper.CaliperAcknowledgement;
import io.credbridge.ingest.canvas.CanvasSqsQueue.QueuedMessage;
import io.credbridge.ops.CredBridgeMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS delivery's bean methods, in the order the route calls them: {@link #receive} takes a batch off the queue
 * and reads each message; the route publishes the batch's LearningEvents and waits for Kafka's acknowledgement; only
 * then {@link #acknowledge} files the unusable messages as dead letters and deletes the batch from the queue. {@link
 * #release} ends every batch: when publishing failed, nothing was deleted and the messages reappear after their
 * visibility timeout. Messages are delivered at least once; the LearningEvents' ids make a redelivery count once.
 */
public class CanvasSqsIngest implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CanvasSqsIngest.class);
    static final String SOURCE = CanvasEventNormalizer.SOURCE;

    private final CanvasSqsQueue queue;
    private final QueuedEvents reader;
    private final IngestDeadLetters deadLetters;
    private final Acknowledgements acknowledgements;
    private final CredBridgeMetrics metrics;
    private final ScheduledExecutorService visibilityTimer;
    private final Duration extendEvery;

    /** How each source's HTTP endpoint counts what it accepted; a queued event is counted the same way. */
    record Acknowledgements(CanvasAcknowledgement canvas, CaliperAcknowledgement caliper) {}

    CanvasSqsIngest(
            CanvasSqsQueue queue,
            QueuedEvents reader,
            IngestDeadLetters deadLetters,
            Acknowledgements acknowledgements,
            CredBridgeMetrics metrics,
            ScheduledExecutorService visibilityTimer,
            Duration visibilityTimeout) {
        this.queue = queue;
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.acknowledgements = acknowledgements;
        this.metrics = metrics;
        this.visibilityTimer = visibilityTimer;
        // Extended well before it runs out, so a slow SQS call still lands in time.
        this.extendEvery = visibilityTimeout.dividedBy(2);
    }

    /** Takes up to max-messages messages off the queue (long polling) and reads each one. */
    public CanvasSqsBatch receive() {
        List<QueuedMessage> messages = queue.receive();
        if (messages.isEmpty()) {
            return CanvasSqsBatch.EMPTY;
        }
        metrics.queueMessages(SOURCE, "received", messages.size());
        ScheduledFuture<?> extension = visibilityTimer.scheduleAtFixedRate(
                () -> extendVisibility(messages),
                extendEvery.toMillis(),
                extendEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return new CanvasSqsBatch(messages.stream().map(reader::read).toList(), () -> extension.cancel(false));
        } catch (RuntimeException e) {
            extension.cancel(false);
            throw e;
        }
    }

    /**
     * Called once Kafka acknowledged the batch's LearningEvents: files the messages that cannot be used as dead
     * letters, counts what each message became, and deletes them all from the queue.
     */
    public void acknowledge(CanvasSqsBatch batch) {
        if (!batch.received()) {
            return;
        }
        for (QueuedEvent event : batch.events()) {
            if (event.isRejected()) {
                setAside(event);
                metrics.rejected(SOURCE, 1);
                metrics.queueMessages(SOURCE, "dead-lettered", 1);
            } else {
                if (event.canvas() != null) {
                    acknowledgements.canvas().accepted(event.canvas());
                } else {
                    acknowledgements.caliper().accepted(event.caliper());
                }
                metrics.queueMessages(SOURCE, event.events().isEmpty() ? "ignored" : "published", 1);
            }
        }
        batch.markAcknowledged();
        batch.stopExtending();
        List<QueuedMessage> messages =
                batch.events().stream().map(QueuedEvent::message).toList();
        List<String> failures = queue.delete(messages);
        if (!failures.isEmpty()) {
            // Their events are on Kafka (or filed): a redelivery yields the same event ids and dead-letter ids.
            log.warn(
                    "SQS did not delete {} of {} Canvas messages; they come again and count once: {}",
                    failures.size(),
                    messages.size(),
                    failures);
        }
        metrics.queueMessages(SOURCE, "deleted", messages.size() - failures.size());
    }

    /**
     * Files the message as a dead letter before it is deleted from the queue. Its id comes from the queue and the
     * message id, so a message filed and then delivered again (its delete failed, or CredBridge stopped in between)
     * is not filed twice.
     */
    private void setAside(QueuedEvent event) {
        QueuedMessage message = event.message();
        deadLetters.setAside(
                "Canvas SQS message " + message.messageId(),
                now -> DeadLetterEntry.ofIngest(
                        IngestDeadLetters.idOf("sqs", queue.queueUrl(), message.messageId()),
                        CanvasEventNormalizer.SOURCE,
                        queue.queueUrl(),
                        message.messageId(),
                        event.rejectedBecause(),
                        event.errorType(),
                        (message.body() == null ? "" : message.body()).getBytes(StandardCharsets.UTF_8),
                        now));
    }

    /** Ends a batch however it went; a batch not acknowledged stays on the queue and comes back later. */
    public void release(CanvasSqsBatch batch) {
        batch.stopExtending();
        if (batch.received() && !batch.acknowledged()) {
            metrics.queueMessages(SOURCE, "returned", batch.events().size());
            log.warn(
                    "{} Canvas SQS messages were not published; they stay on the queue and are received again after"
                            + " the visibility timeout",
                    batch.events().size());
        }
    }

    @Override
    public void close() {
        visibilityTimer.shutdownNow();
        queue.close();
    }

    private void extendVisibility(List<QueuedMessage> messages) {
        try {
            List<String> failures = queue.extendVisibility(messages);
            if (!failures.isEmpty()) {
                log.warn("SQS did not extend the visibility of Canvas messages still being published: {}", failures);
            }
        } catch (RuntimeException e) {
            // A batch slower than the visibility timeout may then be received twice; event ids make it count once.
            log.warn("Could not extend the visibility of {} Canvas SQS messages: {}", messages.size(), e.toString());
        }
    }
}
