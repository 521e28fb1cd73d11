package io.credbridge.ingest.canvas;

import io.credbridge.avro.LearningEvent;
import io.credbridge.ingest.caliper.CaliperDelivery;
import io.credbridge.ingest.canvas.CanvasSqsQueue.QueuedMessage;
import java.util.List;

/**
 * What one SQS message held: a Canvas-format event, a Caliper envelope (a subscription in Caliper format), or
 * something CredBridge cannot use and sets aside with the reason.
 *
 * @param message the message as SQS handed it over
 * @param canvas the Canvas-format event's delivery, or null
 * @param caliper the Caliper envelope's delivery, or null
 * @param rejectedBecause why the message cannot be used, or null when it can
 * @param errorType what kind of failure made it unusable (an exception class), or null
 */
record QueuedEvent(
        QueuedMessage message,
        CanvasDelivery canvas,
        CaliperDelivery caliper,
        String rejectedBecause,
        String errorType) {

    static QueuedEvent of(QueuedMessage message, CanvasDelivery canvas) {
        return new QueuedEvent(message, canvas, null, null, null);
    }

    static QueuedEvent of(QueuedMessage message, CaliperDelivery caliper) {
        return new QueuedEvent(message, null, caliper, null, null);
    }

    static QueuedEvent rejected(QueuedMessage message, String because, String errorType) {
        return new QueuedEvent(message, null, null, because, errorType);
    }

    boolean isRejected() {
        return rejectedBecause != null;
    }

    /** The LearningEvents to publish: none for an ignored or rejected message. */
    List<LearningEvent> events() {
        if (canvas != null) {
            return canvas.events();
        }
        return caliper != null ? caliper.events() : List.of();
    }
}
