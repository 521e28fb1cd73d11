package io.credbridge.ingest.caliper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import io.credbridge.ops.CredBridgeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The envelope as a whole: media type, shape, version and sensor, before any event is looked at. */
class CaliperSensorIngestTest {

    static final String SENSOR = "https://lms.example.edu/sensor";
    static final String TOKEN = "lms-sensor-token-0123456789";
    static final String PERSON =
            "{\"@context\": \"http://purl.imsglobal.org/ctx/caliper/v1p2\", \"id\": \"https://lms.example.edu/u/1\","
                    + " \"type\": \"Person\"}";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CaliperSensorIngest ingest = new CaliperSensorIngest(
            new SensorTokens(List.of(new CaliperIngestProperties.Sensor(SENSOR, TOKEN))),
            true,
            new CaliperEnvelopeReader(),
            new CaliperEventNormalizer(),
            new CredBridgeMetrics(meters),
            Clock.systemUTC());

    @Test
    void aValidEnvelopeIsAcceptedWithEveryItemAccountedFor() {
        CaliperDelivery delivery = accept(envelope(SENSOR, "http://purl.imsglobal.org/ctx/caliper/v1p2", PERSON));

        assertThat(delivery.sensor()).isEqualTo(SENSOR);
        assertThat(delivery.items())
                .singleElement()
                .satisfies(item -> assertThat(item.kind()).isEqualTo("Person"));
        assertThat(delivery.events()).isEmpty();
    }

    @Test
    void anythingButJsonIsUnsupportedMediaType() {
        assertThatThrownBy(() -> ingest.accept(
                        envelope(SENSOR, "http://purl.imsglobal.org/ctx/caliper/v1p2", PERSON),
                        "application/x-www-form-urlencoded",
                        "Bearer " + TOKEN))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(415);
                    assertThat(rejected.detail()).contains("application/x-www-form-urlencoded");
                });
    }

    @Test
    void aBatchOfEnvelopesInOneArrayIsRefusedSayingOneEnvelopePerRequest() {
        String batch = "[" + envelope(SENSOR, "http://purl.imsglobal.org/ctx/caliper/v1p2", PERSON) + "]";

        assertRejected(batch, 400, "one envelope per request");
    }

    @Test
    void aMalformedEnvelopeNamesEveryMissingOrForeignField() {
        String envelope = "{\"sensor\": \"" + SENSOR + "\", \"sendTime\": \"yesterday\", \"data\": [], \"extra\": 1}";

        assertThatThrownBy(() -> accept(envelope)).isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.violations())
                    .extracting(Violation::pointer)
                    .containsExactlyInAnyOrder("/extra", "/sendTime", "/data", "/dataVersion");
        });
    }

    @Test
    void anUnknownDataVersionIsUnprocessableAndNamesTheVersionsTaken() {
        assertRejected(
                envelope(SENSOR, "http://purl.imsglobal.org/ctx/caliper/v1p3", PERSON),
                422,
                "http://purl.imsglobal.org/ctx/caliper/v1p1 (Caliper 1.1)");
    }

    @Test
    void anEnvelopeNamingAnotherSensorThanTheTokensIsUnauthenticated() {
        assertRejected(
                envelope("https://other.example.edu/sensor", "http://purl.imsglobal.org/ctx/caliper/v1p2", PERSON),
                401,
                "https://other.example.edu/sensor");
        assertThat(meters.counter(
                                "credbridge.source.events",
                                "source",
                                "caliper",
                                "event",
                                "envelope",
                                "outcome",
                                "rejected")
                        .count())
                .isEqualTo(1);
    }

    private void assertRejected(String body, int status, String detail) {
        assertThatThrownBy(() -> accept(body)).isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(status);
            assertThat(rejected.detail()).contains(detail);
        });
    }

    private CaliperDelivery accept(String body) {
        return ingest.accept(body, "application/json", "Bearer " + TOKEN);
    }

    static String envelope(String sensor, String dataVersion, String item) {
        return "{\"sensor\": \"" + sensor + "\", \"sendTime\": \"2026-11-30T10:15:01.000Z\", \"dataVersion\": \""
                + dataVersion + "\", \"data\": [" + item + "]}";
    }
}
