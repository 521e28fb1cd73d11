package io.credbridge.endtoend;

import static io.credbridge.endtoend.XapiStatements.COURSE;
import static io.credbridge.endtoend.XapiStatements.completed;
import static io.credbridge.endtoend.XapiStatements.newId;
import static io.credbridge.endtoend.XapiStatements.newLearner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pipeline against a broker whose client listener wants SASL (PLAIN here; SCRAM and TLS are the same client
 * settings with other values): with {@code credbridge.kafka.client-properties} every client CredBridge makes logs
 * in, so the statement is accepted, awarded and its badge published, and the health check reaches the cluster; a
 * client without the login is refused by the same broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaSaslEndToEndIT {

    static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule required";
    static final Map<String, String> CREDBRIDGE_LOGIN = Map.of(
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config", LOGIN_MODULE + " username=\"credbridge\" password=\"credbridge-secret-4b1d\";");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${camel.component.kafka.brokers}")
    String brokers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HealthEndpoint health;

    @DynamicPropertySource
    static void brokerThatWantsSasl(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedParts.registerApplication(registry, "sasl");
        FastRetries.register(registry);
        String broker = "credbridge.embedded-kafka.broker-properties.";
        // The client listener keeps its name and wants SASL; the controller's stays inside the process.
        registry.add(
                broker + "[listener.security.protocol.map]", () -> "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        registry.add(broker + "[sasl.enabled.mechanisms]", () -> "PLAIN");
        registry.add(broker + "[sasl.mechanism.inter.broker.protocol]", () -> "PLAIN");
        registry.add(
                broker + "[listener.name.plaintext.plain.sasl.jaas.config]",
                () -> LOGIN_MODULE + " username=\"broker\" password=\"broker-secret-9c2e\""
                        + " user_broker=\"broker-secret-9c2e\" user_credbridge=\"credbridge-secret-4b1d\";");
        CREDBRIDGE_LOGIN.forEach(
                (name, value) -> registry.add("credbridge.kafka.client-properties.[" + name + "]", () -> value));
    }

    @Test
    void everyClientLogsInSoTheStatementIsAwardedAndItsBadgePublished() throws Exception {
        String learner = newLearner("sasl");

        assertThat(XapiStatements.post(http, String.valueOf(port), completed(newId(), learner, COURSE))
                        .statusCode())
                .as("the ingest producer logged in")
                .isEqualTo(200);

        String awardId = Awards.awaitOnlyAward(jdbc, learner, Duration.ofSeconds(60));
        KafkaTopics topics = new KafkaTopics(brokers, CREDBRIDGE_LOGIN);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(topics.readAll("sasl.badge-issuance.v1"))
                        .as("the badge relay's producer logged in")
                        .anySatisfy(record -> assertThat(record.key()).isEqualTo(learner)));
        assertThat(awardId).isNotBlank();
        assertThat(health.healthForPath("kafka").getStatus().getCode())
                .as("the health check's admin client logged in")
                .isEqualTo("UP");
    }

    @Test
    void aClientWithoutTheLoginIsRefusedByTheSameBroker() {
        try (Admin stranger = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000))) {
            assertThatThrownBy(() -> stranger.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }
}
