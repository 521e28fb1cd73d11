package io.credbridge.ingest.moodle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ops.CredBridgeMetrics;
import org.springframework.stereotype.Component;

/**
 * Answers an accepted Moodle event with 200 once Kafka has it (or at once when it is ignored): tool_trigger treats
 * any other status as a failure and re-runs the step; local_webhooks only logs the answer.
 */
@Component("moodleAcknowledgement")
public class MoodleAcknowledgement {

    private final ObjectMapper json = new ObjectMapper();
    private final CredBridgeMetrics metrics;

    public MoodleAcknowledgement(CredBridgeMetrics metrics) {
        this.metrics = metrics;
    }

    public String accepted(MoodleDelivery delivery) {
        String source = MoodleEventNormalizer.SOURCE;
        metrics.received(source, 1);
        metrics.sourceEvent(source, delivery.eventName(), "received");
        ObjectNode answer = json.createObjectNode().put("eventName", delivery.eventName());
        if (delivery.events().isEmpty()) {
            metrics.ignored(source, 1);
            metrics.sourceEvent(source, delivery.eventName(), "ignored");
            answer.put("ignored", delivery.ignoredBecause());
        } else {
            answer.put("eventId", delivery.events().get(0).getEventId());
        }
        return answer.toString();
    }
}
