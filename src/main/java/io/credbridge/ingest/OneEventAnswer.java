package io.credbridge.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ops.CredBridgeMetrics;

/**
 * The answer to a push that carried one LMS event (Canvas, Moodle), once Kafka has it or at once when it is ignored:
 * counted as received, and as ignored when no learning event came of it. The sender reads only the 2xx; the body
 * tells a person testing the subscription what CredBridge made of the event.
 */
public final class OneEventAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredBridgeMetrics metrics;
    private final String source;

    public OneEventAnswer(CredBridgeMetrics metrics, String source) {
        this.metrics = metrics;
        this.source = source;
    }

    /**
     * @param eventId the published learning event's id, or null when the event was ignored
     * @param ignoredBecause why it was ignored (when it was)
     */
    public String to(String eventName, String eventId, String ignoredBecause) {
        metrics.received(source, 1);
        metrics.sourceEvent(source, eventName, "received");
        if (eventId == null) {
            metrics.ignored(source, 1);
            metrics.sourceEvent(source, eventName, "ignored");
        }
        return body(eventName, eventId, ignoredBecause);
    }

    /** The answer's body alone, for a push whose events are counted elsewhere. */
    public static String body(String eventName, String eventId, String ignoredBecause) {
        ObjectNode answer = JSON.createObjectNode().put("eventName", eventName);
        if (eventId == null) {
            answer.put("ignored", ignoredBecause);
        } else {
            answer.put("eventId", eventId);
        }
        return answer.toString();
    }
}
