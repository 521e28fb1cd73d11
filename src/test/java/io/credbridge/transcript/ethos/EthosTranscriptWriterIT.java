package io.credbridge.transcript.ethos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
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
import static io.credbridge.transcript.ethos.EthosDouble.API_KEY;
import static io.credbridge.transcript.ethos.EthosDouble.MEDIA_TYPE;
import static io.credbridge.transcript.ethos.EthosDouble.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.transcript.PermanentSisRejection;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TransientSisFailure;
import io.credbridge.transcript.WrittenEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(30)
class EthosTranscriptWriterIT {

    static final String RESOURCE = "/api/student-aptitude-assessments/";
    static final String ASSESSMENT = "7a1f0c4e-0000-4000-8000-000000000001";
    static final String ALICE = "9b3e2d10-0000-4000-8000-00000000a11c";

    @RegisterExtension
    static final WireMockExtension ethos = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

    @BeforeAll
    static void warmUp() throws Exception {
        // The first call of a JVM is slow (class loading on both sides); keep it out of the timeouts under test.
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ethos.baseUrl() + "/__admin/mappings"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }

    @BeforeEach
    void aliceIsAColleaguePerson() {
        EthosDouble.signInAnswers(ethos, "token-1", "token-2", "token-3");
        ethos.stubFor(get(urlPathEqualTo("/api/persons"))
                .withQueryParam(
                        "criteria",
                        equalToJson("{\"credentials\":[{\"type\":\"colleaguePersonId\",\"value\":\"S0001\"}]}"))
                .willReturn(okJson("[{\"id\":\"" + ALICE + "\",\"credentials\":[{\"type\":\"colleaguePersonId\","
                        + "\"value\":\"S0001\"},{\"type\":\"colleagueUserName\",\"value\":\"alice\"}]}]")));
        ethos.stubFor(put(urlPathMatching(RESOURCE + ".*")).willReturn(ok("{}")));
    }

    @Test
    void anIssuedAwardIsPutToAGuidDerivedFromTheAwardWithTheVersionedMediaTypeAndASessionToken() {
        writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1")));

        String guid = EthosTranscriptWriter.guidOf("award-1", Action.ISSUED).toString();
        ethos.verify(postRequestedFor(urlPathEqualTo("/auth"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withQueryParam("expirationMinutes", equalTo("5")));
        ethos.verify(putRequestedFor(urlPathEqualTo(RESOURCE + guid))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("Accept", equalTo(MEDIA_TYPE))
                .withHeader("Content-Type", equalTo(MEDIA_TYPE))
                .withRequestBody(matchingJsonPath("$.id", equalTo(guid)))
                .withRequestBody(matchingJsonPath("$.student.id", equalTo(ALICE)))
                .withRequestBody(matchingJsonPath("$.assessment.id", equalTo(ASSESSMENT)))
                .withRequestBody(matchingJsonPath("$.assessedOn", equalTo("2026-11-20")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("active"))));
    }

    @Test
    void theSameAwardDeliveredTwiceLandsOnTheSameGuidSoEthosHoldsOneRecord() {
        EthosTranscriptWriter writer = writer(EthosSettings.Ending.UPDATE);

        writer.write(List.of(issued("award-1")));
        writer.write(List.of(issued("award-1")));
        // A new process after a crash derives the same GUID.
        writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1")));

        String guid = EthosTranscriptWriter.guidOf("award-1", Action.ISSUED).toString();
        assertThat(ethos.findAll(putRequestedFor(urlPathMatching(RESOURCE + ".*"))))
                .hasSize(3)
                .allSatisfy(request -> assertThat(request.getUrl()).isEqualTo(RESOURCE + guid));
        assertThat(EthosTranscriptWriter.guidOf("award-2", Action.ISSUED).toString())
                .isNotEqualTo(guid);
    }

    @Test
    void theRecordIdIsTheOneEthosAnswersOrTheDerivedGuidWhenItsAnswerNamesNone() {
        String assigned = "5c0ffee0-0000-4000-8000-0000000000a1";
        ethos.stubFor(put(urlPathEqualTo(RESOURCE + EthosTranscriptWriter.guidOf("award-2", Action.ISSUED)))
                .willReturn(okJson("{\"id\":\"" + assigned + "\",\"status\":\"active\"}")));
        ethos.stubFor(put(urlPathEqualTo(RESOURCE + EthosTranscriptWriter.guidOf("award-3", Action.ISSUED)))
                .willReturn(okJson("{\"id\":\"00000000-0000-0000-0000-000000000000\"}")));

        List<WrittenEntry> written = writer(EthosSettings.Ending.UPDATE)
                .write(List.of(issued("award-1"), issued("award-2"), issued("award-3")));

        assertThat(written)
                .extracting(WrittenEntry::sisRecordId)
                .containsExactly(
                        EthosTranscriptWriter.guidOf("award-1", Action.ISSUED).toString(),
                        assigned,
                        EthosTranscriptWriter.guidOf("award-3", Action.ISSUED).toString());
    }

    @Test
    void theSessionTokenIsReusedAndReplacedShortlyBeforeItExpires() {
        EthosTranscriptWriter writer = writer(EthosSettings.Ending.UPDATE);

        writer.write(List.of(issued("award-1")));
        clock.advance(Duration.ofMinutes(4));
        writer.write(List.of(issued("award-2")));
        clock.advance(Duration.ofSeconds(31)); // 30 s before the 5 min token expires
        writer.write(List.of(issued("award-3")));

        ethos.verify(2, postRequestedFor(urlPathEqualTo("/auth")));
        assertThat(putsWith("token-1")).isEqualTo(2);
        assertThat(putsWith("token-2")).isEqualTo(1);
    }

    @Test
    void aTokenEthosRejectsMidRunIsReplacedOnceAndTheWriteGoesThrough() {
        ethos.stubFor(put(urlPathMatching(RESOURCE + ".*"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(error(401, "Authentication.Required", "Token expired")));

        writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1")));

        ethos.verify(2, postRequestedFor(urlPathEqualTo("/auth")));
        assertThat(putsWith("token-2")).isEqualTo(1);
    }

    @Test
    void anApiKeyEthosRefusesIsTransientAndSaysWhichSettingToCheck() {
        ethos.stubFor(post(urlPathEqualTo("/auth"))
                .atPriority(1)
                .willReturn(error(401, "Authentication.Required", "Invalid API key")));

        assertThatThrownBy(() -> writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1"))))
                .isInstanceOf(TransientSisFailure.class)
                .hasMessageContaining("Ethos refused the API key")
                .hasMessageContaining("credbridge.transcript.ethos.api-key");
        ethos.verify(0, putRequestedFor(urlPathMatching(RESOURCE + ".*")));
    }

    @Test
    void aServerErrorIsTransientAndCarriesWhatEthosSaid() {
        ethos.stubFor(put(urlPathMatching(RESOURCE + ".*"))
                .willReturn(error(503, "Global.Internal.Error", "Colleague is not available")));

        assertThatThrownBy(() -> writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1"))))
                .isInstanceOf(TransientSisFailure.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("Colleague is not available");
    }

    @Test
    void anEthosThatDoesNotAnswerInTimeIsTransient() {
        ethos.stubFor(put(urlPathMatching(RESOURCE + ".*")).willReturn(ok().withFixedDelay(4_000)));

        assertThatThrownBy(() -> writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1"))))
                .isInstanceOf(TransientSisFailure.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void anEthosThatRefusesConnectionsIsTransient() {
        EthosSettings settings = settings(URI.create("http://127.0.0.1:1"), EthosSettings.Ending.UPDATE);

        assertThatThrownBy(() -> writer(settings).write(List.of(issued("award-1"))))
                .isInstanceOf(TransientSisFailure.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void tooManyRequestsIsTransientAndAsksTheOutboxToWaitAsLongAsRetryAfterSays() {
        ethos.stubFor(put(urlPathMatching(RESOURCE + ".*"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1"))))
                .isInstanceOfSatisfying(
                        TransientSisFailure.class,
                        failure -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
    }

    @Test
    void anOptimisticLockConflictAndALockedRecordAreTransient() {
        ethos.stubFor(put(urlPathEqualTo(RESOURCE + EthosTranscriptWriter.guidOf("award-1", Action.ISSUED)))
                .willReturn(error(409, "Conflict", "The record was changed by another user")));
        ethos.stubFor(put(urlPathEqualTo(RESOURCE + EthosTranscriptWriter.guidOf("award-2", Action.ISSUED)))
                .willReturn(error(400, "Course.Locked", "Record is locked by another process")));
        EthosTranscriptWriter writer = writer(EthosSettings.Ending.UPDATE);

        assertThatThrownBy(() -> writer.write(List.of(issued("award-1")))).isInstanceOf(TransientSisFailure.class);
        assertThatThrownBy(() -> writer.write(List.of(issued("award-2")))).isInstanceOf(TransientSisFailure.class);
    }

    @Test
    void aReadOnlyResourceIsAPermanentRejectionWithTheSisMessage() {
        ethos.stubFor(put(urlPathMatching(RESOURCE + ".*"))
                .willReturn(error(405, "Global.Internal.Error", "The method is not supported by the resource.")));

        assertThatThrownBy(() -> writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1"))))
                .isInstanceOfSatisfying(PermanentSisRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(405);
                    assertThat(rejection.entryKey()).isEqualTo("award-1/ISSUED");
                    assertThat(rejection.sisMessage()).contains("The method is not supported by the resource.");
                });
    }

    @Test
    void aValidationErrorIsAPermanentRejectionCarryingTheEthosCodeAndMessage() {
        ethos.stubFor(put(urlPathMatching(RESOURCE + ".*"))
                .willReturn(error(400, "Validation.Exception", "Assessment GUID not found")));

        assertThatThrownBy(() -> writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1"))))
                .isInstanceOfSatisfying(PermanentSisRejection.class, rejection -> {
                    assertThat(rejection.sisCode()).isEqualTo("Validation.Exception");
                    assertThat(rejection.sisMessage()).contains("Assessment GUID not found");
                });
    }

    @Test
    void aLearnerEthosDoesNotKnowIsAPermanentRejectionBeforeAnyWrite() {
        ethos.stubFor(get(urlPathEqualTo("/api/persons")).atPriority(1).willReturn(okJson("[]")));

        assertThatThrownBy(() -> writer(EthosSettings.Ending.UPDATE).write(List.of(issued("award-1"))))
                .isInstanceOf(PermanentSisRejection.class)
                .hasMessageContaining("no person with colleaguePersonId <learner ")
                .as("the SIS person id is personal data, logged by the outbox relay")
                .hasMessageNotContaining("S0001");
        ethos.verify(0, putRequestedFor(urlPathMatching(RESOURCE + ".*")));
    }

    @Test
    void aRevocationUpdatesTheIssuedRecordWithTheEndingTemplate() {
        writer(EthosSettings.Ending.UPDATE).write(List.of(entry("award-1", Action.REVOKED)));

        String issuedGuid =
                EthosTranscriptWriter.guidOf("award-1", Action.ISSUED).toString();
        ethos.verify(putRequestedFor(urlPathEqualTo(RESOURCE + issuedGuid))
                .withRequestBody(matchingJsonPath("$.status", equalTo("inactive"))));
    }

    @Test
    void aRevocationWithEndingDeleteDeletesTheIssuedRecordAndAnAlreadyDeletedRecordIsFine() {
        String issuedGuid =
                EthosTranscriptWriter.guidOf("award-1", Action.ISSUED).toString();
        ethos.stubFor(delete(urlPathEqualTo(RESOURCE + issuedGuid))
                .willReturn(error(404, "GUID.Not.Found", "No record for that GUID")));

        writer(EthosSettings.Ending.DELETE).write(List.of(entry("award-1", Action.EXPIRED)));

        ethos.verify(
                deleteRequestedFor(urlPathEqualTo(RESOURCE + issuedGuid)).withHeader("Accept", equalTo(MEDIA_TYPE)));
    }

    @Test
    void aReversingEntryIsANewRecordOfItsOwnDerivedFromTheAwardAndTheAction() {
        writer(EthosSettings.Ending.REVERSING_ENTRY).write(List.of(entry("award-1", Action.REVOKED)));

        String reversal =
                EthosTranscriptWriter.guidOf("award-1", Action.REVOKED).toString();
        assertThat(reversal)
                .isNotEqualTo(
                        EthosTranscriptWriter.guidOf("award-1", Action.ISSUED).toString());
        ethos.verify(putRequestedFor(urlPathEqualTo(RESOURCE + reversal)));
    }

    private static int putsWith(String token) {
        return ethos.findAll(putRequestedFor(urlPathMatching(RESOURCE + ".*"))
                        .withHeader("Authorization", equalTo("Bearer " + token)))
                .size();
    }

    private EthosTranscriptWriter writer(EthosSettings.Ending ending) {
        return writer(settings(URI.create(ethos.baseUrl()), ending));
    }

    private EthosTranscriptWriter writer(EthosSettings settings) {
        return EthosDouble.writer(settings, clock);
    }

    static EthosSettings settings(URI base, EthosSettings.Ending ending) {
        String templates = "classpath:transcript-templates/colleague-student-aptitude-assessments-";
        return new EthosSettings(
                base,
                API_KEY,
                "student-aptitude-assessments",
                "16.0.0",
                new EthosSettings.Templates(
                        templates + "issued.json", templates + "ended.json", templates + "ended.json"),
                ending,
                Map.of("assessmentId", ASSESSMENT),
                new EthosSettings.Persons("12.6.0", "colleaguePersonId", "colleagueUserName"),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(2),
                Duration.ofMillis(1_500),
                true,
                EthosSettings.DEFAULT_READ_BACK_CRITERIA);
    }
}
