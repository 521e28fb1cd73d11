package io.credbridge.ingest.moodle;

import io.credbridge.ingest.OneEventAnswer;
import io.credbridge.ops.CredBridgeMetrics;
import org.springframework.stereotype.Component;

/**
 * Answers an accepted Moodle event with 200 once Kafka has it (or at once when it is ignored): tool_trigger treats
 * any other status as a failure and re-runs the step; local_webhooks only logs the answer.
 */
@Component("moodleAcknowledgement")
public class MoodleAcknowledgement {

    private final OneEventAnswer answer;

    public MoodleAcknowledgement(CredBridgeMetrics metrics) {
        this.answer = new OneEventAnswer(metrics, MoodleEventNormalizer.SOURCE);
    }

    public String accepted(MoodleDelivery delivery) {
        String eventId =
                delivery.events().isEmpty() ? null : delivery.events().get(0).getEventId();
        return answer.to(delivery.eventName(), eventId, delivery.ignoredBecause());
    }
}
