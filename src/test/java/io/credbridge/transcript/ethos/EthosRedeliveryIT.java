package io.credbridge.transcript.ethos;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.credbridge.award.AwardChange;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.transcript.ReviewQueueFixture;
import io.credbridge.transcript.TranscriptEntry.Action;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A crash between the Ethos call and the outbox update: Ethos took the PUT, the relay's transaction never
 * committed, the entry is delivered again. It lands on the same GUID, so Ethos (which creates a record for an unknown
 * GUID and updates the one it has) holds one record.
 */
@RequiresPostgres
@Timeout(60)
class EthosRedeliveryIT {

    static final String RESOURCE = "/api/student-aptitude-assessments/";

    @RegisterExtension
    static final WireMockExtension ethos = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private ReviewQueueFixture queue;

    @BeforeEach
    void setUp() {
        EthosDouble.signInAnswers(ethos, "token-1", "token-2");
        ethos.stubFor(get(urlPathEqualTo("/api/persons"))
                .withQueryParam(
                        "criteria",
                        equalToJson("{\"credentials\":[{\"type\":\"colleaguePersonId\",\"value\":\"S0001\"}]}"))
                .willReturn(okJson("[{\"id\":\"" + EthosTranscriptWriterIT.ALICE + "\"}]")));
        ethos.stubFor(put(urlPathMatching(RESOURCE + ".*")).willReturn(ok("{}")));
        queue = ReviewQueueFixture.of(MigratedDatabase.of(PostgresTestDatabase.newSchemaDataSource()), writer(), clock);
    }

    @Test
    void anEntryEthosTookJustBeforeACrashIsPutAgainToTheSameGuidSoEthosHoldsOneRecord() {
        AwardChange issued = ReviewQueueFixture.change("award-1", "ISSUED", "auto", "S0001");
        queue.enqueue(issued);

        assertThat(queue.relayButCrashBeforeTheOutboxUpdate()).isEqualTo(1);
        assertThat(queue.pendingForSis())
                .as("the outbox never heard of the write")
                .isEqualTo(1);
        queue.relay();

        String guid = EthosTranscriptWriter.guidOf("award-1", Action.ISSUED).toString();
        List<LoggedRequest> puts = ethos.findAll(putRequestedFor(urlPathMatching(RESOURCE + ".*")));
        assertThat(puts).as("written twice").hasSize(2);
        assertThat(puts).as("to one record").extracting(LoggedRequest::getUrl).containsOnly(RESOURCE + guid);
        assertThat(puts.get(1).getBodyAsString()).isEqualTo(puts.get(0).getBodyAsString());
        assertThat(queue.pendingForSis()).isZero();
        assertThat(queue.sisRecordIds("award-1/ISSUED")).containsEntry("award-1/ISSUED", guid);
    }

    private EthosTranscriptWriter writer() {
        return EthosDouble.writer(
                EthosTranscriptWriterIT.settings(URI.create(ethos.baseUrl()), EthosSettings.Ending.UPDATE), clock);
    }
}
