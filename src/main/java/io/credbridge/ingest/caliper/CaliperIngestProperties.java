package io.credbridge.ingest.caliper;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Caliper endpoint ({@code credbridge.ingest.caliper.*}).
 *
 * @param requireToken when true (the default), every envelope must come with {@code Authorization: Bearer <token>}
 *     carrying the token of the sensor the envelope names; false takes envelopes from anyone who can reach the
 *     endpoint (the zero-setup demo only; a warning says so at startup)
 * @param sensors the sensors allowed to send, each with its own token
 */
@ConfigurationProperties("credbridge.ingest.caliper")
public record CaliperIngestProperties(
        @DefaultValue("true") boolean requireToken,
        @DefaultValue List<Sensor> sensors) {

    static final String PREFIX = "credbridge.ingest.caliper.";

    /** Shorter tokens can be guessed; 32 random characters is what a password manager or openssl rand gives. */
    static final int SHORTEST_TOKEN = 16;

    public CaliperIngestProperties {
        sensors = sensors == null ? List.of() : List.copyOf(sensors);
        Set<String> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < sensors.size(); i++) {
            Sensor sensor = sensors.get(i);
            String at = PREFIX + "sensors[" + i + "].";
            if (sensor.id() == null || sensor.id().isBlank()) {
                throw new IllegalArgumentException(at + "id is required: the sensor's id exactly as its envelopes"
                        + " carry it in 'sensor', e.g. https://lms.example.edu/caliper/sensor");
            }
            if (!ids.add(sensor.id())) {
                throw new IllegalArgumentException(
                        at + "id repeats sensor '" + sensor.id() + "': list each sensor once");
            }
            if (sensor.token() == null || sensor.token().length() < SHORTEST_TOKEN) {
                throw new IllegalArgumentException(at + "token must be at least " + SHORTEST_TOKEN
                        + " characters (e.g. the output of 'openssl rand -hex 32'), set from the environment as"
                        + " CREDBRIDGE_INGEST_CALIPER_SENSORS_" + i + "_TOKEN");
            }
            if (!sensor.token().matches("[A-Za-z0-9\\-._~+/]+=*")) {
                throw new IllegalArgumentException(at + "token may hold only letters, digits and -._~+/ (with '='"
                        + " padding at the end), as a Bearer token must (RFC 6750 section 2.1)");
            }
            if (!tokens.add(sensor.token())) {
                throw new IllegalArgumentException(at + "token is the token of another sensor: give each sensor its"
                        + " own, so that a token names the one sensor it belongs to");
            }
        }
    }

    /**
     * One sensor allowed to send envelopes.
     *
     * @param id the envelope's {@code sensor} value, e.g. {@code https://canvas.example.edu/}
     * @param token the bearer token the sensor sends; a secret, kept out of {@link #toString()}
     */
    public record Sensor(String id, String token) {

        @Override
        public String toString() {
            return "Sensor[id=" + id + ", token=(secret)]";
        }
    }
}
