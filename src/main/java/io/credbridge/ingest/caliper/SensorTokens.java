package io.credbridge.ingest.caliper;

import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.SecretDigests;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * Tells which configured sensor a request's bearer token belongs to (IMS Caliper 1.2, "HTTP Requests": {@code
 * Authorization: Bearer <token>}, RFC 6750 section 2.1). Tokens are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, against every configured sensor without stopping at a match, so the time an answer takes
 * says nothing about how much of a guess was right; a token never appears in an answer or a log line.
 */
final class SensorTokens {

    static final String REALM = "credbridge-caliper";
    static final String CHALLENGE = "Bearer realm=\"" + REALM + "\"";
    private static final String BEARER = "bearer ";

    private final List<Digested> sensors;

    SensorTokens(List<CaliperIngestProperties.Sensor> sensors) {
        this.sensors = sensors.stream()
                .map(sensor -> new Digested(sensor.id(), sha256(sensor.token())))
                .toList();
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @return the id of the sensor the token belongs to
     * @throws RejectedInputException 401 saying that a Bearer token is expected, with a {@code WWW-Authenticate}
     *     challenge
     */
    String sensorOf(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthenticated(
                    "the request carries no Authorization header; send 'Authorization: Bearer <token>' with the"
                            + " token configured for the sensor in credbridge.ingest.caliper.sensors",
                    CHALLENGE);
        }
        String header = authorization.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw unauthenticated(
                    "the Authorization header uses the " + schemeOf(header) + " scheme; this endpoint expects the"
                            + " Bearer scheme: 'Authorization: Bearer <token>'",
                    CHALLENGE);
        }
        byte[] presented = sha256(header.substring(BEARER.length()).strip());
        String match = null;
        for (Digested sensor : sensors) {
            if (MessageDigest.isEqual(presented, sensor.digest())) {
                match = sensor.id();
            }
        }
        if (match == null) {
            throw unauthenticated(
                    sensors.isEmpty()
                            ? "no Caliper sensor is configured, so no Bearer token is accepted; list the sensor and"
                                    + " its token in credbridge.ingest.caliper.sensors"
                            : "the Bearer token is not the token of any sensor configured in"
                                    + " credbridge.ingest.caliper.sensors",
                    CHALLENGE + ", error=\"invalid_token\"");
        }
        return match;
    }

    /** A token that is right for one sensor does not let it speak for another. */
    static void requireSameSensor(String authenticated, String claimed) {
        if (!authenticated.equals(claimed)) {
            throw unauthenticated(
                    "the Bearer token is the token of sensor '" + authenticated + "', but the envelope says it comes"
                            + " from sensor " + Quoted.of(claimed) + "; each sensor sends with its own token",
                    CHALLENGE + ", error=\"invalid_token\"");
        }
    }

    // Only the scheme name is echoed: whatever follows it may be a credential.
    private static String schemeOf(String header) {
        String scheme = header.split("\\s", 2)[0];
        return scheme.length() <= 20 && scheme.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")
                ? "'" + scheme + "'"
                : "an unknown";
    }

    static RejectedInputException unauthenticated(String detail, String challenge) {
        return RejectedInputException.unauthenticated("The Caliper sensor is not authenticated", detail, challenge);
    }

    private static byte[] sha256(String text) {
        return SecretDigests.sha256(text);
    }

    private record Digested(String id, byte[] digest) {}
}
