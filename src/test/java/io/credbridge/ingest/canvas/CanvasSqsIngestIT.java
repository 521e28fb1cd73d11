package io.credbridge.ingest.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.credbridge.ingest.caliper.CaliperAcknowledgement;
import io.credbridge.ingest.caliper.CaliperIngestProperties;
import io.credbridge.ingest.caliper.CaliperSensorIngest;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.testsupport.ElasticMqQueue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SQS delivery's bean methods against a real queue (ElasticMQ): a batch that takes longer to publish than the
 * visibility timeout stays hidden from every other reader until it is deleted, because its visibility is extended
 * while it is in flight.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class CanvasSqsIngestIT {

    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(2);

    private final ElasticMqQueue queue = ElasticMqQueue.start("canvas-live-events-slow");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CanvasSqsIngest ingest = ingest(queue, new CredBridgeMetrics(meters));

    @AfterEach
    void stop() {
        ingest.close();
        queue.close();
    }

    @Test
    void aBatchSlowerThanTheVisibilityTimeoutStaysHiddenUntilItIsDeletedOnceAcknowledged() {
        queue.send(CanvasCorpus.event("course_completed").toString());

        CanvasSqsBatch batch = ingest.receive();

        assertThat(batch.learningEvents()).hasSize(1);
        await().during(VISIBILITY_TIMEOUT.multipliedBy(3))
                .atMost(VISIBILITY_TIMEOUT.multipliedBy(4))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> queue.receiveVisible().isEmpty());
        ingest.acknowledge(batch);
        ingest.release(batch);
        assertThat(queue.messagesOnQueue()).isZero();
        assertThat(meters.counter("credbridge.queue.messages", "source", "canvas", "outcome", "deleted")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aBatchReleasedWithoutAcknowledgementStopsBeingExtendedAndReappearsForTheNextReceive() {
        queue.send(CanvasCorpus.event("course_completed").toString());
        CanvasSqsBatch failed = ingest.receive();

        ingest.release(failed);

        List<String> again = await().atMost(VISIBILITY_TIMEOUT.multipliedBy(4))
                .until(queue::receiveVisible, bodies -> !bodies.isEmpty());
        assertThat(again).singleElement().asString().contains("course_completed");
        assertThat(meters.counter("credbridge.queue.messages", "source", "canvas", "outcome", "returned")
                        .count())
                .isEqualTo(1);
    }

    static CanvasSqsIngest ingest(ElasticMqQueue queue, CredBridgeMetrics metrics) {
        Map<String, String> settings = queue.settings(VISIBILITY_TIMEOUT);
        CanvasSqsProperties properties = new CanvasSqsProperties(
                true,
                settings.get("credbridge.ingest.canvas.sqs.queue-url"),
                ElasticMqQueue.REGION,
                settings.get("credbridge.ingest.canvas.sqs.endpoint-override"),
                "test",
                "test",
                Duration.ofSeconds(1),
                10,
                VISIBILITY_TIMEOUT);
        Clock clock = Clock.systemUTC();
        CaliperSensorIngest caliper =
                CaliperSensorIngest.of(new CaliperIngestProperties(true, List.of()), metrics, clock);
        CanvasLiveEventIngest canvas = new CanvasLiveEventIngest(
                new CanvasSignature(
                        CanvasIngestProperties.signed(URI.create(CanvasIngestProperties.DEFAULT_JWKS_URL), "", "")),
                new CanvasEventNormalizer(""),
                caliper,
                true,
                metrics,
                clock);
        return new CanvasSqsIngest(
                new CanvasSqsQueue(properties),
                new QueuedEvents(canvas, caliper, metrics),
                // No message in these tests is unusable, so none is filed.
                null,
                new CanvasSqsIngest.Acknowledgements(
                        new CanvasAcknowledgement(metrics, new CaliperAcknowledgement(metrics)),
                        new CaliperAcknowledgement(metrics)),
                metrics,
                Executors.newSingleThreadScheduledExecutor(),
                VISIBILITY_TIMEOUT);
    }
}
