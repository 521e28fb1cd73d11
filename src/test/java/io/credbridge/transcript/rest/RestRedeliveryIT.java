package io.credbridge.transcript.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.transcript.ReviewQueueFixture;
import io.credbridge.transcript.TemplateFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A crash between a POST to a home-grown SIS and the outbox update: the entry is posted again with the same
 * idempotency key and body, which a SIS that deduplicates by the key (as this double does, answering the first
 * record's id) turns into one record.
 */
@RequiresPostgres
@Timeout(60)
class RestRedeliveryIT {

    @RegisterExtension
    static final WireMockExtension sis = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

    @Test
    void anEntryPostedJustBeforeACrashIsPostedAgainWithTheSameIdempotencyKeySoTheSisKeepsOneRecord() {
        sis.stubFor(post(urlPathEqualTo("/api/awards"))
                .inScenario("dedup")
                .whenScenarioStateIs("Started")
                .willSetStateTo("award-1/ISSUED created")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"REC-1\"}")));
        sis.stubFor(post(urlPathEqualTo("/api/awards"))
                .inScenario("dedup")
                .whenScenarioStateIs("award-1/ISSUED created")
                .withHeader("Idempotency-Key", equalTo("award-1/ISSUED"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"REC-1\",\"replayed\":true}")));
        ReviewQueueFixture queue =
                ReviewQueueFixture.of(MigratedDatabase.of(PostgresTestDatabase.newSchemaDataSource()), writer(), clock);
        queue.enqueue(ReviewQueueFixture.change("award-1", "ISSUED", "auto", "S0001"));

        assertThat(queue.relayButCrashBeforeTheOutboxUpdate()).isEqualTo(1);
        queue.relay();

        List<LoggedRequest> posts = sis.findAll(postRequestedFor(urlPathEqualTo("/api/awards")));
        assertThat(posts).hasSize(2);
        assertThat(posts)
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsExactly("award-1/ISSUED", "award-1/ISSUED");
        assertThat(posts.get(1).getBodyAsString()).isEqualTo(posts.get(0).getBodyAsString());
        assertThat(queue.pendingForSis()).isZero();
        assertThat(queue.sisRecordIds("award-1/ISSUED"))
                .as("the record the SIS kept, as it answered the replay")
                .containsEntry("award-1/ISSUED", "REC-1");
    }

    private RestTranscriptWriter writer() {
        String url = sis.baseUrl() + "/api/awards";
        RestSettings.Call post = new RestSettings.Call("POST", url, "classpath:sis/rest-award.json");
        RestSettings settings = new RestSettings(
                post,
                post,
                post,
                null,
                new RestSettings.ApiKey("X-API-Key", "k"),
                "Idempotency-Key",
                Map.of("program", "CE-BADGES"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                "/id",
                null);
        return RestConfiguration.writer(settings, new TemplateFiles(new DefaultResourceLoader()), clock);
    }
}
