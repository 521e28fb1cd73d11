package io.credbridge.ingest.canvas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.caliper.CaliperSensorIngest;
import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import java.util.List;

/**
 * The Canvas endpoint's one bean method: authenticate the POST body (a JWT Canvas signed, or the plain event JSON
 * when unsigned events are allowed), then map the event it carries: a Canvas-format event with the Canvas mapping, a
 * Caliper-format one (a subscription in Caliper IMS format) as the Caliper endpoint and the SQS delivery map it, so
 * an event gets the same LearningEvent whichever way Canvas delivers it.
 */
public class CanvasLiveEventIngest {

    /** The event name rejections are counted under when the body could not be trusted or read. */
    static final String UNREAD = "unread";

    private final ObjectMapper json = new ObjectMapper();
    private final CanvasSignature signature;
    private final CanvasEventNormalizer normalizer;
    private final CaliperSensorIngest caliper;
    private final boolean requireSignature;
    private final CredBridgeMetrics metrics;
    private final Clock clock;

    CanvasLiveEventIngest(
            CanvasSignature signature,
            CanvasEventNormalizer normalizer,
            CaliperSensorIngest caliper,
            boolean requireSignature,
            CredBridgeMetrics metrics,
            Clock clock) {
        this.signature = signature;
        this.normalizer = normalizer;
        this.caliper = caliper;
        this.requireSignature = requireSignature;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param body the request body as Canvas sends it: a compact JWS, sometimes as a JSON string (in quotes)
     * @throws RejectedInputException 401 when the signature is missing or wrong, 400 when the event lacks a field
     *     CredBridge needs or is not a valid Caliper envelope, 422 for a Caliper version CredBridge does not take
     */
    public CanvasDelivery accept(String body) {
        JsonNode event = read(body == null ? "" : body.strip());
        return CaliperFormat.envelopeOfClaims(event)
                .map(envelope -> CanvasDelivery.of(caliper.acceptQueued(envelope.toString())))
                .orElseGet(() -> normalized(event));
    }

    /**
     * An event Canvas delivered to an SQS queue: the raw event JSON, unsigned, because only senders the queue's
     * access policy lets in (Canvas's account) can put it there.
     *
     * @throws RejectedInputException 400 when the event lacks a field CredBridge needs
     */
    CanvasDelivery acceptQueued(JsonNode event) {
        return normalized(event);
    }

    private CanvasDelivery normalized(JsonNode event) {
        try {
            return normalizer.normalize(event, clock.instant());
        } catch (RejectedInputException e) {
            metrics.sourceEvent(CanvasEventNormalizer.SOURCE, nameOf(event), "rejected");
            throw e;
        }
    }

    private JsonNode read(String body) {
        try {
            if (body.startsWith("{")) {
                if (requireSignature) {
                    throw CanvasSignature.unauthenticated("the body is an unsigned event, and this endpoint takes only"
                            + " events Canvas signed: tick 'Sign Payload' on the Canvas subscription (or set"
                            + " credbridge.ingest.canvas.require-signature: false to accept unsigned events)");
                }
                return parse(body, "the body is not JSON");
            }
            return parse(signature.payloadOf(unquoted(body)), "the signed token's claims are not JSON");
        } catch (RejectedInputException e) {
            metrics.sourceEvent(CanvasEventNormalizer.SOURCE, UNREAD, "rejected");
            throw e;
        }
    }

    // Canvas has been seen sending the token as a JSON string literal; the quotes are not part of the token.
    private static String unquoted(String body) {
        String token = body;
        while (token.length() >= 2
                && (token.startsWith("\"") && token.endsWith("\"") || token.startsWith("'") && token.endsWith("'"))) {
            token = token.substring(1, token.length() - 1).strip();
        }
        return token;
    }

    private JsonNode parse(String text, String problem) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            String detail = problem + ": " + e.getOriginalMessage();
            throw new RejectedInputException(
                    400,
                    "The Canvas Live Event is malformed",
                    detail,
                    List.of(new RejectedInputException.Violation("", detail)));
        }
    }

    private static String nameOf(JsonNode event) {
        String name = event.at("/metadata/event_name").asText("");
        return name.isBlank() || name.length() > 64 ? UNREAD : name;
    }
}
