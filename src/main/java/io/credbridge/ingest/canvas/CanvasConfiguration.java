package io.credbridge.ingest.canvas;

import io.credbridge.deadletter.IngestDeadLetters;
import io.credbridge.ingest.LearningEventRecords;
import io.credbridge.ingest.caliper.CaliperAcknowledgement;
import io.credbridge.ingest.caliper.CaliperSensorIngest;
import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CanvasConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CanvasConfiguration.class);

    @Bean
    CanvasLiveEventIngest canvasLiveEventIngest(
            CanvasIngestProperties properties, CaliperSensorIngest caliper, CredBridgeMetrics metrics, Clock clock) {
        if (!properties.requireSignature()) {
            log.warn("Canvas Live Events: unsigned events are accepted (credbridge.ingest.canvas.require-signature is"
                    + " false); anyone who can reach /lms/canvas/live-events can post completions");
        }
        return new CanvasLiveEventIngest(
                new CanvasSignature(properties),
                new CanvasEventNormalizer(properties.baseUrl()),
                caliper,
                properties.requireSignature(),
                metrics,
                clock);
    }

    /** How a queued message's body is read: in the format of the subscription, with the HTTP endpoints' mapping. */
    @Bean
    QueuedEvents queuedCanvasEvents(
            CanvasLiveEventIngest canvas, CaliperSensorIngest caliper, CredBridgeMetrics metrics) {
        return new QueuedEvents(canvas, caliper, metrics);
    }

    @Bean
    QueuedEventReplay queuedCanvasEventReplay(QueuedEvents queuedCanvasEvents, LearningEventRecords records) {
        return new QueuedEventReplay(queuedCanvasEvents, records);
    }

    /** Always defined, since routes/ingest-canvas-sqs.camel.yaml names it; it reads the queue only when enabled. */
    @Bean
    CanvasSqsIngest canvasSqsIngest(
            CanvasSqsProperties sqs,
            QueuedEvents queuedCanvasEvents,
            IngestDeadLetters deadLetters,
            CanvasAcknowledgement canvasAcknowledgement,
            CaliperAcknowledgement caliperAcknowledgement,
            CredBridgeMetrics metrics) {
        if (sqs.enabled()) {
            log.info(
                    "Canvas Live Events: reading SQS queue {} (region {}, {} credentials)",
                    sqs.queueUrl(),
                    sqs.region(),
                    sqs.staticCredentials() ? "static" : "AWS default");
        }
        return new CanvasSqsIngest(
                new CanvasSqsQueue(sqs),
                queuedCanvasEvents,
                deadLetters,
                new CanvasSqsIngest.Acknowledgements(canvasAcknowledgement, caliperAcknowledgement),
                metrics,
                Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "canvas-sqs-visibility");
                    thread.setDaemon(true);
                    return thread;
                }),
                sqs.visibilityTimeout());
    }
}
