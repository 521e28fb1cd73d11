package io.credbridge.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ops.CredBridgeMetrics;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem details for the ingest endpoints. Refused input names each broken rule with a JSON Pointer
 * into the request; when the event log is unreachable the sender is told to retry, since nothing was accepted.
 */
@Component("ingestProblems")
public class IngestProblems {

    private final ObjectMapper json = new ObjectMapper();
    private final CredBridgeMetrics metrics;

    public IngestProblems(CredBridgeMetrics metrics) {
        this.metrics = metrics;
    }

    public String rejected(RejectedInputException problem, String source) {
        metrics.rejected(source, 1);
        ObjectNode body = problem(typeOf(problem.status()), problem.title(), problem.status(), problem.detail());
        ArrayNode errors = body.putArray("errors");
        problem.violations().forEach(violation -> {
            ObjectNode error = errors.addObject();
            error.put("pointer", violation.pointer());
            error.put("detail", violation.message());
        });
        return body.toString();
    }

    public String unavailable(Exception error) {
        return problem(
                        "unavailable",
                        "Events cannot be accepted right now",
                        503,
                        "Nothing from this request was accepted; send it again later. Cause: " + error.getMessage())
                .toString();
    }

    /** Kafka neither took nor refused the events before the request timed out. */
    public String timedOut() {
        return problem(
                        "unavailable",
                        "Events cannot be accepted right now",
                        503,
                        "The event log did not answer in time. Send the request again after the Retry-After seconds;"
                                + " an event that reached it meanwhile counts once.")
                .toString();
    }

    /** Before the ingest routes run (CredBridge is starting) and after they stop (it is shutting down). */
    public String notTakingEvents() {
        return problem(
                        "unavailable",
                        "Events cannot be accepted right now",
                        503,
                        "CredBridge is starting or shutting down and takes no events now; nothing from this request"
                                + " was accepted. Send it again after the Retry-After seconds.")
                .toString();
    }

    private static String typeOf(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unsupported-version";
            case 429 -> "too-many-requests";
            default -> "invalid-input";
        };
    }

    private ObjectNode problem(String type, String title, int status, String detail) {
        ObjectNode body = json.createObjectNode();
        body.put("type", "urn:credbridge:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
