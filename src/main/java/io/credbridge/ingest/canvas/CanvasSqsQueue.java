package io.credbridge.ingest.canvas;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * The SQS queue Canvas delivers Live Events to, through the AWS SDK: the only class that speaks SQS (camel-aws2-sqs
 * is not published for CredBridge's Camel version). Receives with long polling, deletes and hides messages in
 * batches; whatever SQS refuses is reported, never skipped silently.
 */
public class CanvasSqsQueue implements AutoCloseable {

    private final SqsClient sqs;
    private final CanvasSqsProperties properties;

    CanvasSqsQueue(CanvasSqsProperties properties) {
        this.properties = properties;
        this.sqs = properties.enabled() ? connect(properties) : null;
    }

    /** A message as SQS handed it over: its body is the raw event JSON. */
    record QueuedMessage(String messageId, String receiptHandle, String body) {}

    /** One receive: waits up to the wait time for up to max-messages messages and hides them for the visibility timeout. */
    List<QueuedMessage> receive() {
        return client()
                .receiveMessage(request -> request.queueUrl(properties.queueUrl())
                        .maxNumberOfMessages(properties.maxMessages())
                        .waitTimeSeconds((int) properties.waitTime().toSeconds())
                        .visibilityTimeout(seconds(properties.visibilityTimeout())))
                .messages()
                .stream()
                .map(message -> new QueuedMessage(message.messageId(), message.receiptHandle(), message.body()))
                .toList();
    }

    /**
     * Deletes the messages; each one SQS could not delete stays on the queue and comes back after its visibility
     * timeout.
     *
     * @return what SQS said about each message it did not delete
     */
    List<String> delete(List<QueuedMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<DeleteMessageBatchRequestEntry> entries = numbered(
                messages,
                (id, message) -> DeleteMessageBatchRequestEntry.builder()
                        .id(id)
                        .receiptHandle(message.receiptHandle())
                        .build());
        return failures(
                messages,
                client().deleteMessageBatch(request ->
                                request.queueUrl(properties.queueUrl()).entries(entries))
                        .failed());
    }

    /**
     * Hides the messages for another visibility timeout from now, while their batch is still being published.
     *
     * @return what SQS said about each message whose visibility it did not change
     */
    List<String> extendVisibility(List<QueuedMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        int visibility = seconds(properties.visibilityTimeout());
        List<ChangeMessageVisibilityBatchRequestEntry> entries = numbered(
                messages,
                (id, message) -> ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(id)
                        .receiptHandle(message.receiptHandle())
                        .visibilityTimeout(visibility)
                        .build());
        return failures(
                messages,
                client().changeMessageVisibilityBatch(request ->
                                request.queueUrl(properties.queueUrl()).entries(entries))
                        .failed());
    }

    String queueUrl() {
        return properties.queueUrl();
    }

    @Override
    public void close() {
        if (sqs != null) {
            sqs.close();
        }
    }

    private SqsClient client() {
        if (sqs == null) {
            throw new IllegalStateException(
                    "the Canvas SQS delivery is off: set credbridge.ingest.canvas.sqs.enabled to true");
        }
        return sqs;
    }

    // A batch request names each entry by an id unique in the request; the message's position serves.
    private static <T> List<T> numbered(List<QueuedMessage> messages, BiFunction<String, QueuedMessage, T> entry) {
        List<T> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(entry.apply(String.valueOf(i), messages.get(i)));
        }
        return entries;
    }

    private static List<String> failures(List<QueuedMessage> messages, List<BatchResultErrorEntry> failed) {
        return failed.stream()
                .map(failure -> "message "
                        + messages.get(Integer.parseInt(failure.id())).messageId() + ": " + failure.code() + " "
                        + failure.message())
                .toList();
    }

    // SQS counts in whole seconds; a fraction is rounded up so a message is never hidden for less than configured.
    private static int seconds(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, (duration.toMillis() + 999) / 1000);
    }

    private static SqsClient connect(CanvasSqsProperties properties) {
        SqsClientBuilder builder = SqsClient.builder().region(Region.of(properties.region()));
        if (!properties.endpointOverride().isEmpty()) {
            builder.endpointOverride(URI.create(properties.endpointOverride()));
        }
        if (properties.staticCredentials()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey())));
        }
        return builder.build();
    }
}
