package io.credbridge.transcript.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.credbridge.transcript.SampleEntries.entry;
import static io.credbridge.transcript.SampleEntries.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.transcript.PermanentSisRejection;
import io.credbridge.transcript.TemplateFiles;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TransientSisFailure;
import io.credbridge.transcript.WrittenEntry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.DefaultResourceLoader;

/** A home-grown SIS API behind OAuth 2.0 client credentials, played by WireMock. */
@Timeout(30)
class RestTranscriptWriterIT {

    @RegisterExtension
    static final WireMockExtension sis = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

    @BeforeEach
    void tokensLastAMinute() {
        for (int i = 1; i <= 3; i++) {
            sis.stubFor(post(urlPathEqualTo("/oauth2/token"))
                    .inScenario("tokens")
                    .whenScenarioStateIs(i == 1 ? "Started" : "issued-" + (i - 1))
                    .willSetStateTo("issued-" + i)
                    .willReturn(
                            okJson("{\"access_token\":\"at-" + i + "\",\"token_type\":\"Bearer\",\"expires_in\":60}")));
        }
        sis.stubFor(
                put(urlPathMatching("/api/learners/.*")).willReturn(aResponse().withStatus(201)));
    }

    @Test
    void anIssuedAwardIsPutWithTheBearerTokenTheIdempotencyHeaderAndTheRenderedBody() {
        oauthWriter().write(List.of(issued("award-1")));

        String basic = Base64.getEncoder().encodeToString("credbridge:s3cret".getBytes());
        sis.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("scope=transcript.write")));
        sis.verify(putRequestedFor(urlPathEqualTo("/api/learners/S0001/awards/award-1"))
                .withHeader("Authorization", equalTo("Bearer at-1"))
                .withHeader("Idempotency-Key", equalTo("award-1/ISSUED"))
                .withRequestBody(matchingJsonPath("$.credential", equalTo("Data \"Analysis\" Fundamentals")))
                .withRequestBody(matchingJsonPath("$.on", equalTo("2026-11-21")))
                .withRequestBody(matchingJsonPath("$.program", equalTo("CE-BADGES"))));
    }

    @Test
    void theRecordIdIsReadFromTheAnswerAtTheConfiguredPointerAndIsNoneWithoutOne() {
        sis.stubFor(put(urlPathEqualTo("/api/learners/S0001/awards/award-1"))
                .willReturn(okJson("{\"data\":{\"recordId\":\"PS-000123\"}}").withStatus(201)));

        List<WrittenEntry> withPointer =
                writer(null, oauth2(), "/data/recordId").write(List.of(issued("award-1")));
        List<WrittenEntry> withoutPointer = oauthWriter().write(List.of(issued("award-1")));

        assertThat(withPointer).extracting(WrittenEntry::sisRecordId).containsExactly("PS-000123");
        assertThat(withoutPointer).extracting(WrittenEntry::sisRecordId).containsOnlyNulls();
    }

    @Test
    void theTokenIsCachedAndReplacedWhenItExpiresMidRun() {
        RestTranscriptWriter writer = oauthWriter();

        writer.write(List.of(issued("award-1"), issued("award-2")));
        clock.advance(Duration.ofSeconds(31)); // within 30 s of the 60 s lifetime
        writer.write(List.of(issued("award-3")));

        sis.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        sis.verify(putRequestedFor(urlPathEqualTo("/api/learners/S0001/awards/award-3"))
                .withHeader("Authorization", equalTo("Bearer at-2")));
    }

    @Test
    void a401IsAnsweredWithOneNewTokenAndTheCallMadeAgain() {
        sis.stubFor(put(urlPathMatching("/api/learners/.*"))
                .withHeader("Authorization", equalTo("Bearer at-1"))
                .willReturn(aResponse().withStatus(401)));

        oauthWriter().write(List.of(issued("award-1")));

        sis.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        sis.verify(2, putRequestedFor(urlPathEqualTo("/api/learners/S0001/awards/award-1")));
    }

    @Test
    void aTokenEndpointThatRefusesTheClientIsTransientAndSaysWhatToCheck() {
        sis.stubFor(post(urlPathEqualTo("/oauth2/token"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));

        assertThatThrownBy(() -> oauthWriter().write(List.of(issued("award-1"))))
                .isInstanceOf(TransientSisFailure.class)
                .hasMessageContaining("invalid_client")
                .hasMessageContaining("credbridge.transcript.rest.oauth2.client-id");
    }

    @Test
    void anApiKeyGoesInItsHeaderAndA401IsNotRetriedWithTheSameKey() {
        sis.stubFor(put(urlPathMatching("/api/learners/.*"))
                .withHeader("X-API-Key", equalTo("wrong"))
                .willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> writer(new RestSettings.ApiKey("X-API-Key", "wrong"), null)
                        .write(List.of(issued("award-1"))))
                .isInstanceOf(TransientSisFailure.class)
                .hasMessageContaining("HTTP 401");
        sis.verify(1, putRequestedFor(urlPathMatching("/api/learners/.*")));
        sis.verify(0, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void aRevocationUsesItsOwnCallAndAnAlreadyDeletedAwardIsFine() {
        sis.stubFor(delete(urlPathMatching("/api/learners/.*"))
                .willReturn(aResponse().withStatus(404)));

        oauthWriter().write(List.of(entry("award-1", Action.REVOKED)));

        sis.verify(deleteRequestedFor(urlPathEqualTo("/api/learners/S0001/awards/award-1"))
                .withHeader("Idempotency-Key", equalTo("award-1/REVOKED")));
    }

    @Test
    void aBurstOfServerErrorsIsTransientAndAValidationErrorIsPermanentWithTheSisMessage() {
        sis.stubFor(put(urlPathEqualTo("/api/learners/S0001/awards/award-1"))
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
        sis.stubFor(put(urlPathEqualTo("/api/learners/S0001/awards/award-2"))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Unprocessable\",\"detail\":\"credential CE-BADGES is closed\"}")));
        RestTranscriptWriter writer = oauthWriter();

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> writer.write(List.of(issued("award-1"))))
                    .isInstanceOf(TransientSisFailure.class)
                    .hasMessageContaining("Bad Gateway");
        }
        assertThatThrownBy(() -> writer.write(List.of(issued("award-2"))))
                .isInstanceOfSatisfying(PermanentSisRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(422);
                    assertThat(rejection.sisMessage()).isEqualTo("credential CE-BADGES is closed");
                });
    }

    @Test
    void tooManyRequestsCarriesRetryAfterAndAConflictIsTransient() {
        sis.stubFor(put(urlPathEqualTo("/api/learners/S0001/awards/award-1"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        sis.stubFor(put(urlPathEqualTo("/api/learners/S0001/awards/award-2"))
                .willReturn(aResponse().withStatus(409)));
        RestTranscriptWriter writer = oauthWriter();

        assertThatThrownBy(() -> writer.write(List.of(issued("award-1"))))
                .isInstanceOfSatisfying(
                        TransientSisFailure.class,
                        failure -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThatThrownBy(() -> writer.write(List.of(issued("award-2")))).isInstanceOf(TransientSisFailure.class);
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsReadAgainstTheClock() {
        sis.stubFor(put(urlPathMatching("/api/learners/.*"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Mon, 30 Nov 2026 10:01:30 GMT")));

        assertThatThrownBy(() -> oauthWriter().write(List.of(issued("award-1"))))
                .isInstanceOfSatisfying(
                        TransientSisFailure.class,
                        failure -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(90)));
    }

    private RestTranscriptWriter oauthWriter() {
        return writer(null, oauth2());
    }

    private RestSettings.OAuth2 oauth2() {
        return new RestSettings.OAuth2(
                URI.create(sis.baseUrl() + "/oauth2/token"),
                "credbridge",
                "s3cret",
                "transcript.write",
                Duration.ofSeconds(30));
    }

    private RestTranscriptWriter writer(RestSettings.ApiKey apiKey, RestSettings.OAuth2 oauth2) {
        return writer(apiKey, oauth2, null);
    }

    private RestTranscriptWriter writer(RestSettings.ApiKey apiKey, RestSettings.OAuth2 oauth2, String idPointer) {
        return RestConfiguration.writer(
                settings(sis.baseUrl(), apiKey, oauth2, idPointer, null),
                new TemplateFiles(new DefaultResourceLoader()),
                clock);
    }

    /** The SIS of these tests: PUT and DELETE per award under the learner, the body from classpath:sis/. */
    static RestSettings settings(
            String baseUrl,
            RestSettings.ApiKey apiKey,
            RestSettings.OAuth2 oauth2,
            String idPointer,
            RestSettings.ReadBack readBack) {
        String award = baseUrl + "/api/learners/{{sisPersonId}}/awards/{{awardId}}";
        RestSettings.Call put = new RestSettings.Call("PUT", award, "classpath:sis/rest-award.json");
        return new RestSettings(
                put,
                new RestSettings.Call("DELETE", award, null),
                put,
                oauth2,
                apiKey,
                "Idempotency-Key",
                Map.of("program", "CE-BADGES"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                idPointer,
                readBack);
    }
}
