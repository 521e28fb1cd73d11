package io.credbridge.ingest.openedx;

import static io.credbridge.ingest.openedx.OpenEdxEvents.PASSING;
import static io.credbridge.ingest.openedx.OpenEdxEvents.confluentWire;
import static io.credbridge.ingest.openedx.OpenEdxEvents.headers;
import static io.credbridge.ingest.openedx.OpenEdxEvents.record;
import static io.credbridge.ingest.openedx.OpenEdxEvents.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.avro.LearningEvent;
import io.credbridge.testsupport.ApicurioRegistryServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Open edX source's schema lookups against a real registry: Apicurio Registry's Confluent-compatible API (the
 * registry the badge tests run), where SchemaRegistryIT plays one with WireMock.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ApicurioSchemaRegistryIT {

    @Test
    void aWriterSchemaRegisteredInApicurioIsFetchedByItsConfluentIdAndTheEventRead() throws Exception {
        ApicurioRegistryServer registry = ApicurioRegistryServer.sharedOrSkip();
        Schema writer = shipped(PASSING);
        int id = register(registry, "openedx-" + PASSING + "-value", writer);
        OpenEdxRecords reader = new OpenEdxRecords(
                new OpenEdxEventDecoder(
                        OpenEdxSchemas.shipped(),
                        new SchemaRegistry(registry.url() + "/apis/ccompat/v7", Duration.ofSeconds(5))),
                new OpenEdxEventNormalizer("https://courses.example.edu", OpenEdxEvents.certificateHistory()),
                Clock.fixed(Instant.parse("2026-11-30T09:00:05Z"), ZoneOffset.UTC));
        GenericRecord data = OpenEdxEvents.passing(writer, true, 42, "ada", "course-v1:DemoX+CS101+2026_T3");

        LearningEvent event = reader.read(
                        record(headers(PASSING, "e-apicurio", "2026-11-30T09:00:00+00:00"), confluentWire(id, data)))
                .events()
                .get(0);

        assertThat(event.getEventId()).isEqualTo("e-apicurio");
        assertThat(event.getObjectId()).isEqualTo("https://courses.example.edu/courses/course-v1:DemoX+CS101+2026_T3");
    }

    /** As a Confluent producer registers: POST /subjects/{subject}/versions, answered with the schema's id. */
    private static int register(ApicurioRegistryServer registry, String subject, Schema schema) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(registry.url() + "/apis/ccompat/v7/subjects/"
                                        + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions"))
                                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode()
                                        .put("schema", schema.toString())
                                        .toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).path("id").asInt();
    }
}
