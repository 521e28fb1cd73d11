package io.credbridge.transcript.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.credbridge.transcript.SampleEntries.entry;
import static io.credbridge.transcript.SampleEntries.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.transcript.Discrepancy;
import io.credbridge.transcript.ExpectedTranscript;
import io.credbridge.transcript.TemplateFiles;
import io.credbridge.transcript.TranscriptEntry.Action;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.DefaultResourceLoader;

/** Reconciliation reading a learner's awards back from a home-grown SIS API (WireMock) through the read URL. */
@Timeout(30)
class RestReadBackIT {

    @RegisterExtension
    static final WireMockExtension sis = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

    @Test
    void recordsAreMatchedByAwardIdAndComparedWithWhatTheLastEntrysCallWrote() {
        sis.stubFor(get(urlPathEqualTo("/api/learners/S0001/awards"))
                .willReturn(okJson("{\"total\":5,\"items\":["
                        + record("award-1", "ISSUED") + "," + record("award-2", "ISSUED") + ","
                        + record("award-3", "ISSUED") + "," + record("award-6", "ISSUED") + "]}")));
        ExpectedTranscript alice = new ExpectedTranscript(
                "alice",
                "S0001",
                List.of(
                        issued("award-1"),
                        issued("award-2"),
                        entry("award-2", Action.EXPIRED),
                        issued("award-3"),
                        entry("award-3", Action.REVOKED),
                        issued("award-4")),
                Set.of("award-1", "award-2", "award-3", "award-4"));

        List<Discrepancy> found = readBack().compare(List.of(alice));

        assertThat(found)
                .extracting(Discrepancy::kind, Discrepancy::awardId, Discrepancy::sisRecordId)
                .containsExactlyInAnyOrder(
                        tuple(Discrepancy.Kind.MISMATCHED, "award-2", "REC-award-2"),
                        tuple(Discrepancy.Kind.EXTRA, "award-3", "REC-award-3"),
                        tuple(Discrepancy.Kind.MISSING, "award-4", null));
        assertThat(found.stream()
                        .filter(each -> each.awardId().equals("award-2"))
                        .findFirst()
                        .orElseThrow()
                        .reason())
                .contains("/action: \"ISSUED\", CredBridge wrote \"EXPIRED\"");
        assertThat(found.stream()
                        .filter(each -> each.awardId().equals("award-3"))
                        .findFirst()
                        .orElseThrow()
                        .reason())
                .contains("its call is a DELETE");
        sis.verify(getRequestedFor(urlPathEqualTo("/api/learners/S0001/awards")).withHeader("X-API-Key", equalTo("k")));
    }

    /** What the SIS answers for a record written from classpath:sis/rest-award.json, with fields of its own. */
    private static String record(String awardId, String action) {
        return "{\"recordId\":\"REC-" + awardId + "\",\"awardId\":\"" + awardId + "\",\"learner\":\"S0001\","
                + "\"credential\":\"Data \\\"Analysis\\\" Fundamentals\",\"action\":\"" + action + "\","
                + "\"on\":\"2026-11-21\",\"program\":\"CE-BADGES\",\"loadedAt\":\"2026-11-22T08:00:00Z\"}";
    }

    private RestReadBack readBack() {
        RestSettings settings = RestTranscriptWriterIT.settings(
                sis.baseUrl(),
                new RestSettings.ApiKey("X-API-Key", "k"),
                null,
                null,
                new RestSettings.ReadBack(
                        sis.baseUrl() + "/api/learners/{{sisPersonId}}/awards",
                        "/items",
                        "/awardId",
                        null,
                        "/recordId"));
        return RestConfiguration.readBack(settings, new TemplateFiles(new DefaultResourceLoader()), clock);
    }
}
