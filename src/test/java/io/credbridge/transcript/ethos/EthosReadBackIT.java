package io.credbridge.transcript.ethos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.credbridge.transcript.SampleEntries.entry;
import static io.credbridge.transcript.SampleEntries.issued;
import static io.credbridge.transcript.ethos.EthosDouble.MEDIA_TYPE;
import static io.credbridge.transcript.ethos.EthosDouble.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.transcript.Discrepancy;
import io.credbridge.transcript.ExpectedTranscript;
import io.credbridge.transcript.PermanentSisRejection;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptEntry.Action;
import io.credbridge.transcript.TransientSisFailure;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reconciliation reading Alice's student-aptitude-assessments back from Colleague through Ethos (WireMock). */
@Timeout(30)
class EthosReadBackIT {

    static final String ALICE = EthosTranscriptWriterIT.ALICE;

    @RegisterExtension
    static final WireMockExtension ethos = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

    @BeforeEach
    void aliceIsAColleaguePerson() {
        EthosDouble.signInAnswers(ethos, "token-1", "token-2", "token-3");
        ethos.stubFor(get(urlPathEqualTo("/api/persons"))
                .withQueryParam(
                        "criteria",
                        equalToJson("{\"credentials\":[{\"type\":\"colleaguePersonId\",\"value\":\"S0001\"}]}"))
                .willReturn(okJson("[{\"id\":\"" + ALICE + "\"}]")));
    }

    @Test
    void matchingMissingMismatchedAndExtraRecordsAreToldApartAndOtherRecordsOfThePersonLeftAlone() {
        holds(
                record("award-1", "active"),
                record("award-3", "inactive"),
                record("award-4", "active"),
                record("award-5", "active"),
                // A test score of Alice's that CredBridge did not write.
                "{\"id\":\"0e0e0e0e-0000-4000-8000-000000000099\",\"student\":{\"id\":\"" + ALICE + "\"},"
                        + "\"assessment\":{\"id\":\"sat\"},\"status\":\"active\"}");
        ExpectedTranscript alice = new ExpectedTranscript(
                "alice",
                "S0001",
                List.of(
                        issued("award-1"),
                        issued("award-2"),
                        issued("award-3"),
                        issued("award-4"),
                        entry("award-4", Action.REVOKED)),
                Set.of("award-1", "award-2", "award-3", "award-4", "award-5"));

        List<Discrepancy> found = readBack(EthosSettings.Ending.UPDATE).compare(List.of(alice));

        assertThat(found)
                .extracting(Discrepancy::kind, Discrepancy::awardId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Discrepancy.Kind.MISSING, "award-2"),
                        org.assertj.core.groups.Tuple.tuple(Discrepancy.Kind.MISMATCHED, "award-3"),
                        org.assertj.core.groups.Tuple.tuple(Discrepancy.Kind.MISMATCHED, "award-4"),
                        org.assertj.core.groups.Tuple.tuple(Discrepancy.Kind.EXTRA, "award-5"));
        assertThat(kind(found, "award-3").reason()).contains("/status: \"inactive\", CredBridge wrote \"active\"");
        assertThat(kind(found, "award-4").reason())
                .as("revoked, the record is updated to inactive")
                .contains("/status: \"active\", CredBridge wrote \"inactive\"");
        assertThat(kind(found, "award-4").sisRecordId()).isEqualTo(guid("award-4"));
        ethos.verify(getRequestedFor(urlPathEqualTo("/api/student-aptitude-assessments"))
                .withQueryParam("criteria", equalToJson("{\"student\":{\"id\":\"" + ALICE + "\"}}"))
                .withHeader("Accept", equalTo(MEDIA_TYPE)));
    }

    @Test
    void withEndingDeleteTheRecordOfAnEndedAwardThatIsStillThereIsExtra() {
        holds(record("award-1", "active"));
        ExpectedTranscript alice = new ExpectedTranscript(
                "alice", "S0001", List.of(issued("award-1"), entry("award-1", Action.EXPIRED)), Set.of("award-1"));

        List<Discrepancy> found = readBack(EthosSettings.Ending.DELETE).compare(List.of(alice));

        assertThat(found).singleElement().satisfies(extra -> {
            assertThat(extra.kind()).isEqualTo(Discrepancy.Kind.EXTRA);
            assertThat(extra.reason()).contains("ending is delete");
        });
    }

    @Test
    void aLearnerWithoutASisPersonIdHasEveryIssuedEntryMissingWithTheReason() {
        ExpectedTranscript bob = new ExpectedTranscript("bob", null, List.of(withoutPerson()), Set.of("award-9"));

        List<Discrepancy> found = readBack(EthosSettings.Ending.UPDATE).compare(List.of(bob));

        assertThat(found).singleElement().satisfies(missing -> {
            assertThat(missing.kind()).isEqualTo(Discrepancy.Kind.MISSING);
            assertThat(missing.reason()).contains("has no SIS person id");
        });
    }

    @Test
    void aResourceEthosWillNotReadIsARefusalWithItsMessage() {
        ethos.stubFor(get(urlPathEqualTo("/api/student-aptitude-assessments"))
                .willReturn(error(403, "Access.Denied", "The application may not read student-aptitude-assessments")));
        ExpectedTranscript alice =
                new ExpectedTranscript("alice", "S0001", List.of(issued("award-1")), Set.of("award-1"));
        EthosReadBack readBack = readBack(EthosSettings.Ending.UPDATE);

        assertThatThrownBy(() -> readBack.compare(List.of(alice)))
                .as("credentials refused: an administrator fixes them, then it can be read")
                .isInstanceOf(TransientSisFailure.class)
                .hasMessageContaining("may not read");
        ethos.stubFor(get(urlPathEqualTo("/api/student-aptitude-assessments"))
                .willReturn(error(405, "Global.Internal.Error", "The method is not supported by the resource.")));
        assertThatThrownBy(() -> readBack.compare(List.of(alice)))
                .isInstanceOf(PermanentSisRejection.class)
                .hasMessageContaining("not supported");
    }

    private static Discrepancy kind(List<Discrepancy> found, String awardId) {
        return found.stream()
                .filter(each -> each.awardId().equals(awardId))
                .findFirst()
                .orElseThrow();
    }

    private static TranscriptEntry withoutPerson() {
        TranscriptEntry alice = issued("award-9");
        return new TranscriptEntry(
                alice.awardId(),
                alice.action(),
                "bob",
                alice.credentialId(),
                alice.credentialVersion(),
                alice.credentialName(),
                alice.credentialKind(),
                alice.issuerId(),
                alice.issuerName(),
                alice.earnedAt(),
                alice.awardedAt(),
                alice.evidenceEventIds(),
                alice.source(),
                null);
    }

    private static String guid(String awardId) {
        return EthosTranscriptWriter.guidOf(awardId, Action.ISSUED).toString();
    }

    /** The record CredBridge's Colleague template writes for the award, as Ethos answers it (with more fields). */
    private static String record(String awardId, String status) {
        return "{\"id\":\"" + guid(awardId) + "\",\"student\":{\"id\":\"" + ALICE + "\"},\"assessment\":{\"id\":\""
                + EthosTranscriptWriterIT.ASSESSMENT + "\"},\"assessedOn\":\"2026-11-20\",\"score\":{\"type\":"
                + "\"numeric\",\"value\":1},\"status\":\"" + status + "\",\"metadata\":{\"createdBy\":\"CredBridge\"}}";
    }

    private static void holds(String... records) {
        ethos.stubFor(get(urlPathEqualTo("/api/student-aptitude-assessments"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", MEDIA_TYPE)
                        .withBody("[" + String.join(",", records) + "]")));
    }

    private EthosReadBack readBack(EthosSettings.Ending ending) {
        return EthosDouble.readBack(EthosTranscriptWriterIT.settings(URI.create(ethos.baseUrl()), ending), clock);
    }
}
