package io.credbridge.ingest.canvas;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Canvas Live Events delivered to an SQS queue ({@code credbridge.ingest.canvas.sqs.*}).
 *
 * @param enabled whether CredBridge reads the queue at all
 * @param queueUrl the queue's URL as SQS shows it, e.g. {@code
 *     https://sqs.us-east-1.amazonaws.com/123456789012/canvas-live-events-campus}
 * @param region the queue's AWS region; blank: read from an {@code sqs.<region>.amazonaws.com} queue URL
 * @param endpointOverride another SQS endpoint (a VPC endpoint, or ElasticMQ in tests); blank: AWS's own
 * @param accessKeyId with {@code secretAccessKey}, static credentials; blank: the AWS default provider chain
 *     (environment, profile, container or instance role)
 * @param secretAccessKey the secret of {@code accessKeyId}; never logged
 * @param waitTime how long one receive waits for messages (SQS long polling; 0 to 20 s)
 * @param maxMessages messages taken per receive (1 to 10, SQS's limit)
 * @param visibilityTimeout how long received messages stay hidden from other readers; extended while their batch
 *     is still being published, and when publishing fails they reappear after it
 */
@ConfigurationProperties("credbridge.ingest.canvas.sqs")
public record CanvasSqsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String queueUrl,
        @DefaultValue("") String region,
        @DefaultValue("") String endpointOverride,
        @DefaultValue("") String accessKeyId,
        @DefaultValue("") String secretAccessKey,
        @DefaultValue("20s") Duration waitTime,
        @DefaultValue("10") int maxMessages,
        @DefaultValue("60s") Duration visibilityTimeout) {

    private static final String PREFIX = "credbridge.ingest.canvas.sqs.";
    private static final String EXAMPLE_URL =
            "https://sqs.us-east-1.amazonaws.com/123456789012/canvas-live-events-campus";
    private static final Pattern AWS_HOST = Pattern.compile("sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(20);
    private static final Duration LONGEST_VISIBILITY = Duration.ofHours(12);

    public CanvasSqsProperties {
        queueUrl = blankIfNull(queueUrl);
        region = blankIfNull(region);
        endpointOverride = blankIfNull(endpointOverride);
        accessKeyId = blankIfNull(accessKeyId);
        secretAccessKey = blankIfNull(secretAccessKey);
        if (waitTime == null || waitTime.isNegative() || waitTime.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException(PREFIX + "wait-time must be between 0s and 20s (SQS long polling; 20s"
                    + " makes the fewest requests), was " + waitTime);
        }
        if (maxMessages < 1 || maxMessages > 10) {
            throw new IllegalArgumentException(PREFIX + "max-messages must be between 1 and 10 (SQS returns at most"
                    + " 10 messages per receive), was " + maxMessages);
        }
        if (visibilityTimeout == null
                || visibilityTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || visibilityTimeout.compareTo(LONGEST_VISIBILITY) > 0) {
            throw new IllegalArgumentException(
                    PREFIX + "visibility-timeout must be between 1s and 12h, e.g. 60s, was " + visibilityTimeout);
        }
        if (accessKeyId.isEmpty() != secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "access-key-id and secret-access-key go together: set both"
                    + " for static credentials, or neither to use the AWS default credentials (environment, profile,"
                    + " instance or container role)");
        }
        if (enabled) {
            requireQueueUrl(queueUrl);
            if (!endpointOverride.isEmpty()) {
                requireHttpUrl(endpointOverride, "endpoint-override", "http://localhost:9324 (ElasticMQ)");
            }
            region = region.isEmpty() ? regionOf(queueUrl) : region;
        }
    }

    /** Static credentials were configured (tests, ElasticMQ); otherwise the AWS default chain finds them. */
    public boolean staticCredentials() {
        return !accessKeyId.isEmpty();
    }

    // The secret stays out of logs and failure analyses that print the bound properties.
    @Override
    public String toString() {
        return "CanvasSqsProperties[enabled=" + enabled + ", queueUrl=" + queueUrl + ", region=" + region
                + ", endpointOverride=" + endpointOverride + ", accessKeyId=" + accessKeyId + ", secretAccessKey="
                + (secretAccessKey.isEmpty() ? "" : "******") + ", waitTime=" + waitTime + ", maxMessages="
                + maxMessages + ", visibilityTimeout=" + visibilityTimeout + "]";
    }

    private static void requireQueueUrl(String queueUrl) {
        if (queueUrl.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "queue-url is required when " + PREFIX
                    + "enabled is true: the URL of the queue Canvas delivers to, e.g. " + EXAMPLE_URL);
        }
        URI url = requireHttpUrl(queueUrl, "queue-url", EXAMPLE_URL);
        if (url.getPath() == null || url.getPath().replace("/", "").isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "queue-url must name the queue (the URL SQS shows for it, e.g. "
                    + EXAMPLE_URL + "), was " + queueUrl);
        }
        if (url.getPath().endsWith(".fifo")) {
            throw new IllegalArgumentException(PREFIX + "queue-url names a FIFO queue (" + queueUrl
                    + "); Canvas delivers Live Events to standard queues only: create a standard queue whose name"
                    + " begins with canvas-live-events");
        }
    }

    private static URI requireHttpUrl(String value, String name, String example) {
        try {
            URI url = URI.create(value);
            if (url.isAbsolute()
                    && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                    && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                PREFIX + name + " must be an absolute http(s) URL, e.g. " + example + ", was " + value);
    }

    private static String regionOf(String queueUrl) {
        Matcher host = AWS_HOST.matcher(URI.create(queueUrl).getHost());
        if (!host.matches()) {
            throw new IllegalArgumentException(PREFIX + "region is required: the queue URL " + queueUrl
                    + " does not name one (sqs.<region>.amazonaws.com); set it, e.g. us-east-1");
        }
        return host.group(1);
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }
}
