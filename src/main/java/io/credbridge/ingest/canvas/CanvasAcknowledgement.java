package io.credbridge.ingest.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ops.CredBridgeMetrics;
import org.springframework.stereotype.Component;

/**
 * Answers an accepted Canvas POST once Kafka has its event (or at once when it is ignored). Canvas reads only the
 * 2xx; the body tells a person testing the subscription what CredBridge made of the event.
 */
@Component("canvasAcknowledgement")
public class CanvasAcknowledgement {

    private final ObjectMapper json = new ObjectMapper();
    private final CredBridgeMetrics metrics;

    public CanvasAcknowledgement(CredBridgeMetrics metrics) {
        this.metrics = metrics;
    }

    public String accepted(CanvasDelivery delivery) {
        String source = CanvasEventNormalizer.SOURCE;
        metrics.received(source, 1);
        metrics.sourceEvent(source, delivery.eventName(), "received");
        ObjectNode answer = json.createObjectNode().put("eventName", delivery.eventName());
        delivery.event().ifPresentOrElse(event -> answer.put("eventId", event.getEventId()), () -> {
            metrics.ignored(source, 1);
            metrics.sourceEvent(source, delivery.eventName(), "ignored");
            answer.put("ignored", delivery.ignoredBecause());
        });
        return answer.toString();
    }
}
