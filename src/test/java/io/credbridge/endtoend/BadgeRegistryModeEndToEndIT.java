package io.credbridge.endtoend;

import static io.credbridge.endtoend.XapiStatements.COURSE;
import static io.credbridge.endtoend.XapiStatements.completed;
import static io.credbridge.endtoend.XapiStatements.newId;
import static io.credbridge.endtoend.XapiStatements.newLearner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.credbridge.CredBridgeApplication;
import io.credbridge.avro.BadgeAction;
import io.credbridge.avro.BadgeIssuance;
import io.credbridge.testsupport.ApicurioRegistryServer;
import io.credbridge.testsupport.TcpProxy;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * credbridge.badge.serialization=registry against a real Apicurio Registry (a child process, shared by the test JVM)
 * and a real broker: badges are read by Apicurio's deserializer and, as a Confluent consumer reads them,
 * through the registry's Confluent-compatible API; an unreachable registry holds badges in the outbox until it is
 * back. The outage runs first: the serde caches the schema id after its first lookup, and later sends need no
 * registry at all.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadgeRegistryModeEndToEndIT {

    static final String TOPIC = "badge-registry.badge-issuance.v1";

    private static ApicurioRegistryServer registry;
    private static TcpProxy toRegistry;
    private static ConfigurableApplicationContext app;
    private static KafkaTopics kafka;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        registry = ApicurioRegistryServer.sharedOrSkip();
        toRegistry = new TcpProxy("127.0.0.1", registry.port());
        Path data = Files.createTempDirectory("credbridge-badge-registry");
        String brokers = TestKafkaBroker.bootstrapServers();
        kafka = new KafkaTopics(brokers);
        app = new SpringApplicationBuilder(CredBridgeApplication.class)
                .run(TestCredentials.with(
                        "--server.port=0",
                        "--credbridge.embedded-kafka.enabled=false",
                        "--camel.component.kafka.brokers=" + brokers,
                        "--spring.datasource.url=jdbc:h2:file:"
                                + data.resolve("db").resolve("credbridge")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--credbridge.transcript.csv.directory=" + data.resolve("sis-import"),
                        "--credbridge.topics.learning-events=badge-registry.learning-events.v1",
                        "--credbridge.topics.badge-issuance=" + TOPIC,
                        "--credbridge.topics.dead-letter=badge-registry.dead-letter.v1",
                        "--credbridge.badge.serialization=registry",
                        "--credbridge.badge.registry.url=http://127.0.0.1:" + toRegistry.port(),
                        // Retried often and never given up within the test: an outage must not dead-letter.
                        "--credbridge.outbox.max-attempts=1000",
                        "--credbridge.outbox.first-retry-delay=100ms",
                        "--credbridge.outbox.max-retry-delay=500ms",
                        "--credbridge.outbox.poll-interval=100ms"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (toRegistry != null) {
            toRegistry.close();
        }
    }

    @Test
    @Order(1)
    void aBadgeWaitsInTheOutboxWhileTheRegistryIsUnreachableAndIsPublishedOnceWhenItIsBack() throws Exception {
        toRegistry.cut();
        String learner = newLearner("registry-outage");

        assertThat(post(completed(newId(), learner, COURSE)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> badgeAttempts() >= 2);
        assertThat(jdbc().queryForList("select status from outbox_event where destination = 'BADGE'", String.class))
                .containsOnly("PENDING");
        assertThat(jdbc().queryForList("select last_error from outbox_event where destination = 'BADGE'", String.class))
                .allMatch(error -> error.startsWith(
                        "The schema registry at http://127.0.0.1:" + toRegistry.port() + " could not be reached"));
        assertThat(recordsOf(learner)).isEmpty();

        toRegistry.resume();

        await().atMost(Duration.ofSeconds(60)).until(() -> badgeRowsLeft() == 0);
        assertThat(recordsOf(learner)).hasSize(1);
    }

    @Test
    @Order(2)
    void aBadgeIsReadByTheApicurioDeserializerAndConfluentStyleThroughTheCompatibleApi() throws Exception {
        String learner = newLearner("registry-mode");

        assertThat(post(completed(newId(), learner, COURSE)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> recordsOf(learner).size() == 1);
        ConsumerRecord<String, byte[]> record = recordsOf(learner).get(0);
        String eventId = header(record, "ce_id");
        assertThat(header(record, "ce_type")).isEqualTo("io.credbridge.badge.issued.v1");
        assertThat(header(record, "content-type")).isEqualTo("application/avro");
        assertThat(record.headers().toArray())
                .extracting(Header::key)
                .allMatch(name -> name.startsWith("ce_") || name.equals("content-type"));

        BadgeIssuance byApicurio = apicurioDeserializer().deserialize(TOPIC, record.value());
        assertThat(byApicurio.getIssuanceId()).isEqualTo(eventId);
        assertThat(byApicurio.getLearnerId()).isEqualTo(learner);
        assertThat(byApicurio.getAction()).isEqualTo(BadgeAction.ISSUED);
        assertThat(byApicurio.getOpenBadgeCredential()).contains("OpenBadgeCredential");

        ByteBuffer value = ByteBuffer.wrap(record.value());
        assertThat(value.get()).as("Confluent's magic byte").isZero();
        int schemaId = value.getInt();
        Schema writer = new Schema.Parser().parse(confluentSchema(schemaId));
        GenericRecord confluentStyle = new GenericDatumReader<GenericRecord>(writer)
                .read(
                        null,
                        DecoderFactory.get().binaryDecoder(record.value(), value.position(), value.remaining(), null));
        assertThat(confluentStyle.get("issuanceId")).hasToString(eventId);
        assertThat(confluentStyle.get("learnerId")).hasToString(learner);
        assertThat(confluentStyle.get("action")).hasToString("ISSUED");
        assertThat(((GenericRecord) confluentStyle.get("credential")).get("id"))
                .hasToString(byApicurio.getCredential().getId());
        assertThat(get("/apis/ccompat/v7/subjects")).contains("\"" + TOPIC + "-value\"");
    }

    private static AvroKafkaDeserializer<BadgeIssuance> apicurioDeserializer() {
        AvroKafkaDeserializer<BadgeIssuance> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(
                Map.of(
                        SerdeConfig.REGISTRY_URL,
                        registry.url() + "/apis/registry/v3",
                        SerdeConfig.HTTP_ADAPTER,
                        "JDK",
                        AvroSerdeConfig.USE_SPECIFIC_AVRO_READER,
                        true),
                false);
        return deserializer;
    }

    /** What a Confluent deserializer asks the registry: GET /schemas/ids/{id} on its Confluent-compatible API. */
    private String confluentSchema(int id) throws Exception {
        return new ObjectMapper()
                .readTree(get("/apis/ccompat/v7/schemas/ids/" + id))
                .path("schema")
                .asText();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(registry.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET " + path + ": " + response.body())
                .isEqualTo(200);
        return response.body();
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(String learner) {
        return kafka.readAll(TOPIC).stream()
                .filter(record -> learner.equals(record.key()))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JdbcTemplate jdbc() {
        return app.getBean(JdbcTemplate.class);
    }

    private static int badgeAttempts() {
        return jdbc().queryForObject(
                        "select coalesce(max(attempts), 0) from outbox_event where destination = 'BADGE'",
                        Integer.class);
    }

    private static int badgeRowsLeft() {
        return jdbc().queryForObject("select count(*) from outbox_event where destination = 'BADGE'", Integer.class);
    }

    private HttpResponse<String> post(String statements) throws Exception {
        return XapiStatements.post(http, app.getEnvironment().getProperty("local.server.port"), statements);
    }
}
