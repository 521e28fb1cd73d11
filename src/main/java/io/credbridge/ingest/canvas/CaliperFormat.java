package io.credbridge.ingest.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Tells a Live Event in Caliper format from one in Canvas format, and gives the Caliper envelope to read. A
 * Caliper-format subscription delivers a Caliper 1.1 envelope ({@code sensor}, {@code sendTime}, {@code dataVersion},
 * {@code data}); signed over HTTPS, the envelope is the token's claim set, beside the JWT's own claims, which are not
 * part of the event. Canvas's documentation does not show the signed form, so a claim set that is one bare Caliper
 * event is put in an envelope of its own rather than refused.
 */
final class CaliperFormat {

    private static final String CALIPER_CONTEXT = "purl.imsglobal.org/ctx/caliper/";
    // RFC 7519's registered claims: Canvas adds them around the event when it signs it.
    private static final List<String> JWT_CLAIMS = List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    private CaliperFormat() {}

    static boolean isEnvelope(JsonNode event) {
        return event.isObject() && event.has("dataVersion");
    }

    /**
     * @param claims the verified claims of a signed Live Event
     * @return the Caliper envelope they carry, or empty when they are a Canvas-format event
     */
    static Optional<ObjectNode> envelopeOfClaims(JsonNode claims) {
        if (!claims.isObject() || claims.has("metadata")) {
            return Optional.empty();
        }
        ObjectNode event = ((ObjectNode) claims).deepCopy();
        JWT_CLAIMS.forEach(event::remove);
        if (isEnvelope(event)) {
            return Optional.of(event);
        }
        String context = event.path("@context").asText("");
        if (!context.contains(CALIPER_CONTEXT)) {
            return Optional.empty();
        }
        ObjectNode envelope = event.objectNode();
        String sensor = sensorOf(event);
        if (sensor != null) {
            envelope.put("sensor", sensor);
        }
        if (event.has("eventTime")) {
            envelope.set("sendTime", event.get("eventTime"));
        }
        envelope.put("dataVersion", context);
        envelope.putArray("data").add(event);
        return Optional.of(envelope);
    }

    // Canvas names itself as the sensor by its root URL, which is also the event's edApp.
    private static String sensorOf(JsonNode event) {
        JsonNode edApp = event.path("edApp");
        String id = edApp.isTextual() ? edApp.asText() : edApp.path("id").asText("");
        if (!id.isBlank()) {
            return id;
        }
        String host = event.at("/extensions/com.instructure.canvas/hostname").asText("");
        return host.isBlank() ? null : "https://" + host + "/";
    }
}
