package io.credbridge.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A standard SQS queue played by ElasticMQ in-process, as Canvas's Data Services deliver to one: the test sends the
 * raw event JSON as the message body, as Canvas does, and looks at what is left on the queue.
 */
public final class ElasticMqQueue implements AutoCloseable {

    public static final String REGION = "us-east-1";

    private final SQSRestServer server;
    private final String endpoint;
    private final SqsClient sqs;
    private final String queueUrl;

    private ElasticMqQueue(SQSRestServer server, String endpoint, String queueName) {
        this.server = server;
        this.endpoint = endpoint;
        this.sqs = SqsClient.builder()
                .region(Region.of(REGION))
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        this.queueUrl = sqs.createQueue(request -> request.queueName(queueName)).queueUrl();
    }

    public static ElasticMqQueue start(String queueName) {
        int port = TestKafkaBroker.freePort();
        SQSRestServer server = SQSRestServerBuilder.withPort(port)
                .withInterface("127.0.0.1")
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .start();
        server.waitUntilStarted();
        return new ElasticMqQueue(server, "http://127.0.0.1:" + port, queueName);
    }

    /** CredBridge's settings for reading this queue, with short waits so tests and shutdowns are quick. */
    public Map<String, String> settings(Duration visibilityTimeout) {
        return Map.of(
                "credbridge.ingest.canvas.sqs.enabled",
                "true",
                "credbridge.ingest.canvas.sqs.queue-url",
                queueUrl,
                "credbridge.ingest.canvas.sqs.region",
                REGION,
                "credbridge.ingest.canvas.sqs.endpoint-override",
                endpoint,
                "credbridge.ingest.canvas.sqs.access-key-id",
                "test",
                "credbridge.ingest.canvas.sqs.secret-access-key",
                "test",
                "credbridge.ingest.canvas.sqs.wait-time",
                "1s",
                "credbridge.ingest.canvas.sqs.visibility-timeout",
                visibilityTimeout.toSeconds() + "s");
    }

    public void register(DynamicPropertyRegistry registry, Duration visibilityTimeout) {
        settings(visibilityTimeout).forEach((name, value) -> registry.add(name, () -> value));
    }

    public List<String> arguments(Duration visibilityTimeout) {
        return settings(visibilityTimeout).entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toList();
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Sends a message as Canvas does (the event JSON as its body) and answers its SQS message id. */
    public String send(String body) {
        return sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body))
                .messageId();
    }

    /** Messages still on the queue: waiting to be received, and received but not yet deleted. */
    public int messagesOnQueue() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** What another reader of the queue receives now: the messages that are not hidden by a receive in progress. */
    public List<String> receiveVisible() {
        return sqs
                .receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(0)
                        .visibilityTimeout(0))
                .messages()
                .stream()
                .map(message -> message.body())
                .toList();
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
    }
}
