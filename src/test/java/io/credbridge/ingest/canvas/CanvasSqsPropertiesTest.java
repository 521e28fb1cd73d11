package io.credbridge.ingest.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CanvasSqsPropertiesTest {

    static final String QUEUE = "https://sqs.eu-west-1.amazonaws.com/123456789012/canvas-live-events-campus";

    @Test
    void offItNeedsNoQueueAndTheDefaultsAreValid() {
        CanvasSqsProperties off = properties(false, "", "", "", "", "", 20, 10, Duration.ofSeconds(60));

        assertThat(off.enabled()).isFalse();
        assertThat(off.queueUrl()).isEmpty();
    }

    @Test
    void onItNeedsTheQueueUrlAndSaysWhereToFindIt() {
        assertThatThrownBy(() -> properties(true, "", "", "", "", "", 20, 10, Duration.ofSeconds(60)))
                .hasMessageContaining("credbridge.ingest.canvas.sqs.queue-url is required")
                .hasMessageContaining("https://sqs.us-east-1.amazonaws.com/123456789012/canvas-live-events");
        assertThatThrownBy(() -> properties(true, "canvas-live-events", "", "", "", "", 20, 10, Duration.ofSeconds(60)))
                .hasMessageContaining("queue-url must be an absolute http(s) URL");
        assertThatThrownBy(() -> properties(
                        true, "https://sqs.us-east-1.amazonaws.com/", "", "", "", "", 20, 10, Duration.ofSeconds(60)))
                .hasMessageContaining("queue-url must name the queue");
    }

    @Test
    void theRegionIsReadFromAnAwsQueueUrlUnlessConfigured() {
        assertThat(properties(true, QUEUE, "", "", "", "", 20, 10, Duration.ofSeconds(60))
                        .region())
                .isEqualTo("eu-west-1");
        assertThat(properties(true, QUEUE, "us-east-2", "", "", "", 20, 10, Duration.ofSeconds(60))
                        .region())
                .isEqualTo("us-east-2");
    }

    @Test
    void aQueueUrlThatNamesNoRegionNeedsTheRegionSet() {
        assertThatThrownBy(() -> properties(
                        true,
                        "http://localhost:9324/000000000000/canvas-live-events",
                        "",
                        "http://localhost:9324",
                        "",
                        "",
                        20,
                        10,
                        Duration.ofSeconds(60)))
                .hasMessageContaining("credbridge.ingest.canvas.sqs.region is required")
                .hasMessageContaining("e.g. us-east-1");
    }

    @Test
    void aFifoQueueIsRefusedBecauseCanvasDeliversOnlyToStandardQueues() {
        assertThatThrownBy(() -> properties(true, QUEUE + ".fifo", "", "", "", "", 20, 10, Duration.ofSeconds(60)))
                .hasMessageContaining("FIFO queue")
                .hasMessageContaining("standard queue whose name begins with canvas-live-events");
    }

    @Test
    void theLimitsOfSqsAreCheckedWithTheRangeThatIsAllowed() {
        assertThatThrownBy(() -> properties(true, QUEUE, "", "", "", "", 21, 10, Duration.ofSeconds(60)))
                .hasMessageContaining("wait-time must be between 0s and 20s");
        assertThatThrownBy(() -> properties(true, QUEUE, "", "", "", "", 20, 11, Duration.ofSeconds(60)))
                .hasMessageContaining("max-messages must be between 1 and 10");
        assertThatThrownBy(() -> properties(true, QUEUE, "", "", "", "", 20, 0, Duration.ofSeconds(60)))
                .hasMessageContaining("max-messages must be between 1 and 10");
        assertThatThrownBy(() -> properties(true, QUEUE, "", "", "", "", 20, 10, Duration.ZERO))
                .hasMessageContaining("visibility-timeout must be between 1s and 12h");
        assertThatThrownBy(() -> properties(true, QUEUE, "", "", "", "", 20, 10, Duration.ofHours(13)))
                .hasMessageContaining("visibility-timeout must be between 1s and 12h");
    }

    @Test
    void staticCredentialsNeedBothHalvesAndTheSecretNeverShowsInTheirText() {
        assertThatThrownBy(() -> properties(true, QUEUE, "", "", "AKIDEXAMPLE", "", 20, 10, Duration.ofSeconds(60)))
                .hasMessageContaining("access-key-id and secret-access-key go together");

        CanvasSqsProperties keyed =
                properties(true, QUEUE, "", "", "AKIDEXAMPLE", "wJalrXUtnFEMI-secret", 20, 10, Duration.ofSeconds(60));

        assertThat(keyed.staticCredentials()).isTrue();
        assertThat(keyed.toString()).contains("AKIDEXAMPLE").doesNotContain("wJalrXUtnFEMI-secret");
    }

    @Test
    void anEndpointOverrideMustBeAUrl() {
        assertThatThrownBy(() -> properties(true, QUEUE, "", "localhost:9324", "", "", 20, 10, Duration.ofSeconds(60)))
                .hasMessageContaining("endpoint-override must be an absolute http(s) URL");
    }

    static CanvasSqsProperties properties(
            boolean enabled,
            String queueUrl,
            String region,
            String endpointOverride,
            String accessKeyId,
            String secretAccessKey,
            int waitSeconds,
            int maxMessages,
            Duration visibilityTimeout) {
        return new CanvasSqsProperties(
                enabled,
                queueUrl,
                region,
                endpointOverride,
                accessKeyId,
                secretAccessKey,
                Duration.ofSeconds(waitSeconds),
                maxMessages,
                visibilityTimeout);
    }
}
