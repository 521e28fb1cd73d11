package io.credbridge.ingest.openedx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.credbridge.ingest.openedx.OpenEdxEvents.PASSING;
import static io.credbridge.ingest.openedx.OpenEdxEvents.confluentWire;
import static io.credbridge.ingest.openedx.OpenEdxEvents.headers;
import static io.credbridge.ingest.openedx.OpenEdxEvents.record;
import static io.credbridge.ingest.openedx.OpenEdxEvents.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.credbridge.avro.LearningEvent;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writer schemas from a Confluent-compatible schema registry (WireMock): fetched by id once, and what goes wrong. */
@Timeout(30)
class SchemaRegistryIT {

    static final String TIME = "2026-11-30T09:00:00+00:00";

    @RegisterExtension
    static final WireMockExtension registry = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final OpenEdxRecords reader = new OpenEdxRecords(
            new OpenEdxEventDecoder(
                    OpenEdxSchemas.shipped(), new SchemaRegistry(registry.baseUrl(), Duration.ofSeconds(5))),
            new OpenEdxEventNormalizer("https://courses.example.edu", OpenEdxEvents.certificateHistory()),
            Clock.fixed(Instant.parse("2026-11-30T09:00:05Z"), ZoneOffset.UTC));

    @Test
    void aNewerLmssEventWithAFieldCredBridgeDoesNotKnowIsReadThroughTheRegistrysWriterSchemaFetchedOnce() {
        Schema newer = withExtraField(shipped(PASSING));
        serve(21, newer);
        GenericRecord data = OpenEdxEvents.passing(newer, true, 42, "ada", "course-v1:DemoX+CS101+2026_T3");
        data.put("grade_summary", "A");

        LearningEvent first = reader.read(record(headers(PASSING, "e-1", TIME), confluentWire(21, data)))
                .events()
                .get(0);
        LearningEvent second = reader.read(record(headers(PASSING, "e-2", TIME), confluentWire(21, data)))
                .events()
                .get(0);

        assertThat(first.getObjectId()).isEqualTo("https://courses.example.edu/courses/course-v1:DemoX+CS101+2026_T3");
        assertThat(second.getEventId()).isEqualTo("e-2");
        registry.verify(1, getRequestedFor(urlPathEqualTo("/schemas/ids/21")));
    }

    @Test
    void aSchemaIdTheRegistryDoesNotKnowMakesTheRecordUnreadable() {
        registry.stubFor(get(urlPathEqualTo("/schemas/ids/99")).willReturn(notFound()));
        byte[] value = confluentWire(99, OpenEdxEvents.passing(shipped(PASSING), true, 42, "ada", "course-v1:X+Y+Z"));

        OpenEdxDelivery delivery = reader.read(record(headers(PASSING, "e-1", TIME), value));

        assertThat(delivery.unreadableBecause()).contains("has no schema with id 99");
    }

    @Test
    void aRegistryThatFailsIsNotTheRecordsFaultAndPropagatesSoThePollIsReadAgain() {
        registry.stubFor(
                get(urlPathEqualTo("/schemas/ids/5")).willReturn(aResponse().withStatus(503)));
        byte[] value = confluentWire(5, OpenEdxEvents.passing(shipped(PASSING), true, 42, "ada", "course-v1:X+Y+Z"));

        assertThatThrownBy(() -> reader.read(record(headers(PASSING, "e-1", TIME), value)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("answered 503");
    }

    private static Schema withExtraField(Schema shipped) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("CloudEvent")
                .namespace(shipped.getNamespace())
                .fields();
        for (Schema.Field field : shipped.getFields()) {
            fields = fields.name(field.name()).type(field.schema()).noDefault();
        }
        return fields.name("grade_summary").type().stringType().noDefault().endRecord();
    }

    private static void serve(int id, Schema schema) {
        String body = new ObjectMapper()
                .createObjectNode()
                .put("schema", schema.toString())
                .toString();
        registry.stubFor(get(urlPathEqualTo("/schemas/ids/" + id)).willReturn(okJson(body)));
    }
}
