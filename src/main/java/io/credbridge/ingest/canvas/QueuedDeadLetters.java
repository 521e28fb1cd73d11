package io.credbridge.ingest.canvas;

import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.deadletter.DeadLetterRecorder;
import io.credbridge.ingest.canvas.CanvasSqsQueue.QueuedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a queued message CredBridge cannot use in the dead-letter store, with its reason and body, before it is
 * deleted from the queue. The dead letter's id comes from the queue and the message id, so a message filed and then
 * delivered again (its delete failed, or CredBridge stopped in between) is not filed twice.
 */
class QueuedDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(QueuedDeadLetters.class);

    private final DeadLetterRecorder deadLetters;
    private final TransactionTemplate transactions;
    private final String queueUrl;
    private final Clock clock;

    QueuedDeadLetters(DeadLetterRecorder deadLetters, TransactionTemplate transactions, String queueUrl, Clock clock) {
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    void setAside(QueuedEvent event) {
        QueuedMessage message = event.message();
        String deadLetterId = idOf(queueUrl, message.messageId());
        DeadLetterEntry entry = DeadLetterEntry.ofIngest(
                deadLetterId,
                CanvasEventNormalizer.SOURCE,
                queueUrl,
                message.messageId(),
                event.rejectedBecause(),
                event.errorType(),
                (message.body() == null ? "" : message.body()).getBytes(StandardCharsets.UTF_8),
                clock.instant());
        if (Boolean.TRUE.equals(transactions.execute(status -> deadLetters.recordOnce(entry)))) {
            log.warn(
                    "Canvas SQS message {} could not be used and is dead letter {}: {}",
                    message.messageId(),
                    deadLetterId,
                    event.rejectedBecause());
        } else {
            log.info(
                    "Canvas SQS message {} came again; it is dead letter {} already",
                    message.messageId(),
                    deadLetterId);
        }
    }

    static String idOf(String queueUrl, String messageId) {
        return UUID.nameUUIDFromBytes(("sqs\n" + queueUrl + "\n" + messageId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
