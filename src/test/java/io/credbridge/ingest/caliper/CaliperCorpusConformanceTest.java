package io.credbridge.ingest.caliper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ops.CredBridgeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Caliper fixture of the shared corpus through the ingest: IMS's own invalid fixtures (its certification's
 * commonErrorFixtures) are refused with the field that is wrong, and every valid fixture, spec or real producer, is
 * accepted.
 */
class CaliperCorpusConformanceTest {

    static final String V1P1 = "http://purl.imsglobal.org/ctx/caliper/v1p1";
    static final String V1P2 = "http://purl.imsglobal.org/ctx/caliper/v1p2";
    static final String TOKEN = "sensor-one-token-0123456789";

    /** The property each fixture breaks, read from its name: caliperEvent-NoActor breaks actor. */
    private static final Pattern BROKEN =
            Pattern.compile("caliper\\w+-(?:Malformed|No|Null|Unknown|Wrong)?([A-Z][A-Za-z]*?)"
                    + "(?:NotAString|NotAnIRI|NotAList|NotAnInt|NotAFloat|NotADuration|WrongEntityType"
                    + "|ContainsWrongEntityType|InvalidDateTime|NoValue)?\\.json");
    /** Where a fixture's name does not spell the property. */
    private static final Map<String, String> SPELLED_OTHERWISE =
            Map.of("IsTimeDependant", "isTimeDependent", "EventType", "type", "Items", "items");

    // One ingest for every fixture, as in the application: each schema is loaded once, when first needed.
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static final CaliperSensorIngest ingest = new CaliperSensorIngest(
            new SensorTokens(List.of(new CaliperIngestProperties.Sensor(CaliperCorpus.SENSOR, TOKEN))),
            true,
            new CaliperEnvelopeReader(),
            new CaliperEventNormalizer(),
            new CredBridgeMetrics(meters),
            Clock.systemUTC());

    static Stream<String> invalid() {
        return CaliperCorpus.files("v1p2-invalid");
    }

    static Stream<String> validV1p1() {
        return CaliperCorpus.files("v1p1");
    }

    static Stream<String> validV1p2() {
        return CaliperCorpus.files("v1p2");
    }

    static Stream<String> openEdx() {
        return CaliperCorpus.files("openedx");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void everyInvalidFixtureOfTheSpecIsRefusedNamingThePropertyItBreaks(String fixture) {
        String envelope = CaliperCorpus.envelope("v1p2-invalid", fixture, V1P2);
        String property = brokenProperty(fixture);

        assertThatThrownBy(() -> accept(envelope)).isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.violations()).as(rejected.detail()).first().satisfies(violation -> {
                assertThat(violation.pointer()).startsWith("/data/0/" + property);
                assertThat(violation.message()).startsWith(violation.pointer());
            });
            assertThat(rejected.detail()).contains("/data/0/" + property);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validV1p1")
    void everyValidCaliper11FixtureIsAccepted(String fixture) {
        assertAccepted(CaliperCorpus.envelope("v1p1", fixture, V1P1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validV1p2")
    void everyValidCaliper12FixtureIsAccepted(String fixture) {
        assertAccepted(CaliperCorpus.envelope("v1p2", fixture, V1P2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openEdx")
    void everyEventOpenEdxSendsIsAccepted(String fixture) {
        assertAccepted(CaliperCorpus.envelope("openedx", fixture, V1P2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caliper10Envelopes")
    void aCaliper10EnvelopeIsAnUnsupportedVersion(String fixture) {
        String envelope = CaliperCorpus.envelope("v1p0", fixture, null);

        assertThatThrownBy(() -> accept(envelope)).isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(422);
            assertThat(rejected.detail()).contains("Caliper 1.0").contains(V1P2);
        });
    }

    static Stream<String> caliper10Envelopes() {
        return CaliperCorpus.files("v1p0").filter(name -> !name.startsWith("caliperAssessment"));
    }

    private void assertAccepted(String envelope) {
        CaliperDelivery delivery = accept(envelope);

        assertThat(delivery.items()).isNotEmpty();
        assertThat(delivery.sensor()).isNotBlank();
    }

    private CaliperDelivery accept(String envelope) {
        return ingest.accept(envelope, "application/json; charset=utf-8", "Bearer " + TOKEN);
    }

    static String brokenProperty(String fixture) {
        Matcher matcher = BROKEN.matcher(fixture);
        assertThat(matcher.matches())
                .as("the fixture name %s says what it breaks", fixture)
                .isTrue();
        String named = matcher.group(1);
        return SPELLED_OTHERWISE.getOrDefault(named, Character.toLowerCase(named.charAt(0)) + named.substring(1));
    }
}
