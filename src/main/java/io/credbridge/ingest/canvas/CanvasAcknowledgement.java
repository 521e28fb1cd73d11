package io.credbridge.ingest.canvas;

import io.credbridge.avro.LearningEvent;
import io.credbridge.ingest.OneEventAnswer;
import io.credbridge.ops.CredBridgeMetrics;
import org.springframework.stereotype.Component;

/**
 * Answers an accepted Canvas POST once Kafka has its event (or at once when it is ignored). Canvas reads only the
 * 2xx; the body tells a person testing the subscription what CredBridge made of the event.
 */
@Component("canvasAcknowledgement")
public class CanvasAcknowledgement {

    private final OneEventAnswer answer;

    public CanvasAcknowledgement(CredBridgeMetrics metrics) {
        this.answer = new OneEventAnswer(metrics, CanvasEventNormalizer.SOURCE);
    }

    public String accepted(CanvasDelivery delivery) {
        String eventId = delivery.event().map(LearningEvent::getEventId).orElse(null);
        return answer.to(delivery.eventName(), eventId, delivery.ignoredBecause());
    }
}
