package io.credbridge.ingest.canvas;

import io.credbridge.avro.LearningEvent;
import io.credbridge.ingest.OneEventAnswer;
import io.credbridge.ingest.caliper.CaliperAcknowledgement;
import io.credbridge.ops.CredBridgeMetrics;
import org.springframework.stereotype.Component;

/**
 * Answers an accepted Canvas POST once Kafka has its event (or at once when it is ignored). Canvas reads only the
 * 2xx; the body tells a person testing the subscription what CredBridge made of the event. A Caliper-format event is
 * counted as the Caliper endpoint counts it (source {@code caliper}, by kind), whichever way Canvas delivered it.
 */
@Component("canvasAcknowledgement")
public class CanvasAcknowledgement {

    private final OneEventAnswer answer;
    private final CaliperAcknowledgement caliper;

    public CanvasAcknowledgement(CredBridgeMetrics metrics, CaliperAcknowledgement caliper) {
        this.answer = new OneEventAnswer(metrics, CanvasEventNormalizer.SOURCE);
        this.caliper = caliper;
    }

    public String accepted(CanvasDelivery delivery) {
        String eventId = delivery.event().map(LearningEvent::getEventId).orElse(null);
        if (delivery.caliper() != null) {
            caliper.accepted(delivery.caliper());
            return OneEventAnswer.body(delivery.eventName(), eventId, delivery.ignoredBecause());
        }
        return answer.to(delivery.eventName(), eventId, delivery.ignoredBecause());
    }
}
