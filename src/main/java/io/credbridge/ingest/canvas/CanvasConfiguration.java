package io.credbridge.ingest.canvas;

import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CanvasConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CanvasConfiguration.class);

    @Bean
    CanvasLiveEventIngest canvasLiveEventIngest(
            CanvasIngestProperties properties, CredBridgeMetrics metrics, Clock clock) {
        if (!properties.requireSignature()) {
            log.warn("Canvas Live Events: unsigned events are accepted (credbridge.ingest.canvas.require-signature is"
                    + " false); anyone who can reach /lms/canvas/live-events can post completions");
        }
        return new CanvasLiveEventIngest(
                new CanvasSignature(properties),
                new CanvasEventNormalizer(properties.baseUrl()),
                properties.requireSignature(),
                metrics,
                clock);
    }
}
