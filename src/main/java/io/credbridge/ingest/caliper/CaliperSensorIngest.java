package io.credbridge.ingest.caliper;

import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The Caliper endpoint's one bean method: authenticate the sensor, check the media type, read and validate the
 * envelope, then map each event CredBridge acts on. The answers follow IMS Caliper 1.2 "HTTP Responses": 401 without
 * the sensor's token, 415 for anything but {@code application/json}, 400 for a malformed envelope, 422 for a
 * {@code dataVersion} other than Caliper 1.1 or 1.2.
 */
public class CaliperSensorIngest {

    /** The event name rejected envelopes are counted under, since they are refused as a whole. */
    static final String ENVELOPE = "envelope";

    private final SensorTokens tokens;
    private final boolean requireToken;
    private final CaliperEnvelopeReader reader;
    private final CaliperEventNormalizer normalizer;
    private final CredBridgeMetrics metrics;
    private final Clock clock;

    CaliperSensorIngest(
            SensorTokens tokens,
            boolean requireToken,
            CaliperEnvelopeReader reader,
            CaliperEventNormalizer normalizer,
            CredBridgeMetrics metrics,
            Clock clock) {
        this.tokens = tokens;
        this.requireToken = requireToken;
        this.reader = reader;
        this.normalizer = normalizer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The endpoint as the properties configure it: the sensors' tokens, the official schemas, the mapping. */
    public static CaliperSensorIngest of(CaliperIngestProperties properties, CredBridgeMetrics metrics, Clock clock) {
        return new CaliperSensorIngest(
                new SensorTokens(properties.sensors()),
                properties.requireToken(),
                new CaliperEnvelopeReader(),
                new CaliperEventNormalizer(),
                metrics,
                clock);
    }

    /**
     * @param body the request body: one Caliper envelope
     * @param contentType the request's Content-Type header
     * @param authorization the request's Authorization header
     * @throws RejectedInputException 401, 415, 400 or 422 as described above; nothing from the request may be
     *     published then
     */
    public CaliperDelivery accept(String body, String contentType, String authorization) {
        try {
            String sensor = requireToken ? tokens.sensorOf(authorization) : null;
            requireJson(contentType);
            CaliperEnvelope envelope = reader.read(body);
            if (sensor != null) {
                SensorTokens.requireSameSensor(sensor, envelope.sensor());
            }
            return deliveryOf(envelope);
        } catch (RejectedInputException e) {
            metrics.sourceEvent(CaliperEventNormalizer.SOURCE, ENVELOPE, "rejected");
            throw e;
        }
    }

    /**
     * An envelope whose sender was trusted another way: Canvas Live Events in Caliper format from an SQS queue (the
     * queue's access policy decides who may send) or signed by Canvas over HTTPS. No sensor token is asked for, and
     * the media type is the delivery's business.
     *
     * @throws RejectedInputException 400 for a malformed envelope, 422 for an unsupported {@code dataVersion}
     */
    public CaliperDelivery acceptQueued(String body) {
        try {
            return deliveryOf(reader.read(body));
        } catch (RejectedInputException e) {
            metrics.sourceEvent(CaliperEventNormalizer.SOURCE, ENVELOPE, "rejected");
            throw e;
        }
    }

    private CaliperDelivery deliveryOf(CaliperEnvelope envelope) {
        Instant receivedAt = clock.instant();
        return new CaliperDelivery(
                envelope.sensor(),
                envelope.data().stream()
                        .map(item -> normalizer.normalize(item, envelope.sensor(), receivedAt))
                        .toList());
    }

    private static void requireJson(String contentType) {
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!"application/json".equals(mediaType)) {
            String detail = (contentType == null || contentType.isBlank()
                            ? "the request has no Content-Type"
                            : "the Content-Type is " + Quoted.of(mediaType))
                    + "; a Caliper envelope is sent as application/json";
            throw new RejectedInputException(
                    415,
                    "The media type is not supported",
                    detail,
                    List.of(new RejectedInputException.Violation("", detail)));
        }
    }
}
