package io.credbridge.ingest.canvas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.jwk.RSAKey;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.caliper.CaliperIngestProperties;
import io.credbridge.ingest.caliper.CaliperSensorIngest;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.testsupport.CanvasTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Canvas's JWKS played by WireMock over real HTTP, with keys rotated the way Canvas rotates them (previous, current,
 * next), and tokens signed as Canvas signs them.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class CanvasSignatureIT {

    static final String JWKS_PATH = "/main/jwks";

    @RegisterExtension
    static final WireMockExtension canvas = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final RSAKey PREVIOUS = CanvasTokens.newKey("2026-10");
    static final RSAKey CURRENT = CanvasTokens.newKey("2026-11");
    static final RSAKey NEXT = CanvasTokens.newKey("2026-12");
    static final RSAKey AFTER_NEXT = CanvasTokens.newKey("2027-01");
    static final RSAKey STRANGER = CanvasTokens.newKey("2026-11-forged");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CanvasLiveEventIngest ingest;

    @BeforeEach
    void freshKeyCache() {
        publish(PREVIOUS, CURRENT, NEXT);
        ingest = ingest(CanvasTokens.ISSUER);
    }

    @Test
    void aTokenSignedWithTheCurrentKeyIsVerifiedAndItsEventRead() {
        CanvasDelivery delivery = ingest.accept(CanvasTokens.sign(completion(), CURRENT));

        assertThat(delivery.eventName()).isEqualTo("course_completed");
        assertThat(delivery.event().orElseThrow().getObjectId()).isEqualTo("https://canvas.test.edu/courses/565");
        assertThat(jwksFetches()).isEqualTo(1);
    }

    @Test
    void thePreviousAndNextKeysAreAcceptedFromTheSameFetch() {
        ingest.accept(CanvasTokens.sign(completion(), PREVIOUS));
        ingest.accept(CanvasTokens.sign(completion(), NEXT));
        ingest.accept(CanvasTokens.sign(completion(), CURRENT));

        assertThat(jwksFetches()).as("the keys are cached").isEqualTo(1);
    }

    @Test
    void aKeyPublishedAfterRotationIsFoundWithOneFetchOfTheKeySet() {
        ingest.accept(CanvasTokens.sign(completion(), CURRENT));
        publish(CURRENT, NEXT, AFTER_NEXT);

        CanvasDelivery delivery = ingest.accept(CanvasTokens.sign(completion(), AFTER_NEXT));
        ingest.accept(CanvasTokens.sign(completion(), AFTER_NEXT));

        assertThat(delivery.events()).hasSize(1);
        assertThat(jwksFetches()).isEqualTo(2);
    }

    @Test
    void aKeyIdCanvasNeverPublishedIsRefusedWithoutHammeringTheKeySet() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> ingest.accept(CanvasTokens.sign(completion(), STRANGER)))
                    .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                        assertThat(rejected.status()).isEqualTo(401);
                        assertThat(rejected.detail()).contains("no key with id '2026-11-forged'");
                    });
        }

        assertThat(jwksFetches())
                .as("the first fetch and one refresh for the unknown key id, then rate-limited")
                .isEqualTo(2);
        assertThat(meters.counter(
                                "credbridge.source.events",
                                "source",
                                "canvas",
                                "event",
                                CanvasLiveEventIngest.UNREAD,
                                "outcome",
                                "rejected")
                        .count())
                .isEqualTo(10);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = CanvasTokens.sign(completion(), CURRENT).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"565\"", "\"566\"");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        assertThatThrownBy(() -> ingest.accept(tampered))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(401);
                    assertThat(rejected.detail()).contains("signature does not match");
                });
    }

    @Test
    void aTokenInQuotesAsCanvasSometimesSendsItIsAccepted() {
        String token = CanvasTokens.sign(completion(), CURRENT);

        assertThat(ingest.accept("\"" + token + "\"\n").events()).hasSize(1);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = CanvasTokens.sign(completion(), CURRENT, Instant.now().minusSeconds(3600));

        assertThatThrownBy(() -> ingest.accept(expired))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(401);
                    assertThat(rejected.detail()).contains("Expired");
                });
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedWhenAnIssuerIsConfigured() {
        CanvasLiveEventIngest strict = ingest("https://live-events.other.example");

        assertThatThrownBy(() -> strict.accept(CanvasTokens.sign(completion(), CURRENT)))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(401);
                    assertThat(rejected.detail()).contains("iss");
                });
    }

    @Test
    void anUnsignedEventIsRefusedWhileSignaturesAreRequired() {
        assertThatThrownBy(() -> ingest.accept(completion()))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(401);
                    assertThat(rejected.detail()).contains("Sign Payload").contains("require-signature");
                });
        assertThatThrownBy(() -> ingest.accept("not a token"))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        rejected -> assertThat(rejected.status()).isEqualTo(401));
        assertThat(jwksFetches()).isZero();
    }

    @Test
    void anUnsignedEventIsAcceptedOnlyWhenConfiguredSo() {
        CanvasIngestProperties signed = properties(CanvasTokens.ISSUER);
        CanvasLiveEventIngest lenient = new CanvasLiveEventIngest(
                new CanvasSignature(signed),
                new CanvasEventNormalizer(signed.baseUrl()),
                CaliperSensorIngest.of(
                        new CaliperIngestProperties(true, List.of()), new CredBridgeMetrics(meters), Clock.systemUTC()),
                false,
                new CredBridgeMetrics(meters),
                Clock.systemUTC());

        assertThat(lenient.accept(completion()).events()).hasSize(1);
    }

    @Test
    void anUnreachableKeySetIsNotTheSendersFaultSoItIsNotA401() {
        canvas.resetAll();
        canvas.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> ingest.accept(CanvasTokens.sign(completion(), CURRENT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be fetched");
    }

    private CanvasLiveEventIngest ingest(String issuer) {
        CanvasIngestProperties properties = properties(issuer);
        return new CanvasLiveEventIngest(
                new CanvasSignature(properties),
                new CanvasEventNormalizer(properties.baseUrl()),
                CaliperSensorIngest.of(
                        new CaliperIngestProperties(true, List.of()), new CredBridgeMetrics(meters), Clock.systemUTC()),
                true,
                new CredBridgeMetrics(meters),
                Clock.systemUTC());
    }

    private static CanvasIngestProperties properties(String issuer) {
        return CanvasIngestProperties.signed(
                URI.create(canvas.baseUrl() + JWKS_PATH), issuer, "https://canvas.test.edu");
    }

    private static void publish(RSAKey... keys) {
        canvas.stubFor(get(urlEqualTo(JWKS_PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(CanvasTokens.jwks(List.of(keys)))));
    }

    private static int jwksFetches() {
        return canvas.findAll(getRequestedFor(urlEqualTo(JWKS_PATH))).size();
    }

    static String completion() {
        return new ObjectMapper()
                .createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "metadata",
                        new ObjectMapper()
                                .createObjectNode()
                                .put("event_name", "course_completed")
                                .put("event_time", "2026-11-30T09:00:00.000Z")
                                .put("hostname", "canvas.test.edu"))
                .set(
                        "body",
                        new ObjectMapper()
                                .createObjectNode()
                                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                                        "course",
                                        new ObjectMapper().createObjectNode().put("id", "565"))
                                .set(
                                        "user",
                                        new ObjectMapper().createObjectNode().put("id", "123")))
                .toString();
    }
}
