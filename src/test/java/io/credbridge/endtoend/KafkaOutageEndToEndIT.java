package io.credbridge.endtoend;

import static io.credbridge.endtoend.XapiStatements.COURSE;
import static io.credbridge.endtoend.XapiStatements.completed;
import static io.credbridge.endtoend.XapiStatements.newId;
import static io.credbridge.endtoend.XapiStatements.newLearner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.credbridge.CredBridgeApplication;
import io.credbridge.kafka.EmbeddedKafkaBroker;
import io.credbridge.kafka.EmbeddedKafkaProperties;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The broker goes away while CredBridge runs. A send that Kafka cannot acknowledge ends within the producer's
 * delivery timeout (the bound that also ends the OUT_OF_ORDER_SEQUENCE_NUMBER retries of KAFKA-15591): the
 * caller gets 503 rather than a hung request, and once the broker is back the same statement is accepted and
 * awarded once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaOutageEndToEndIT {

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(4);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSendDuringABrokerOutageEndsWithin503InItsDeliveryTimeoutAndIsAcceptedOnceTheBrokerIsBack() throws Exception {
        Path data = Files.createTempDirectory("credbridge-kafka-outage");
        EmbeddedKafkaProperties brokerSettings = EmbeddedKafkaProperties.of(
                data.resolve("kafka"), TestKafkaBroker.freePort(), TestKafkaBroker.freePort());
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(brokerSettings);
        broker.start();
        try (ConfigurableApplicationContext app = start(data, broker.bootstrapServers())) {
            String port = app.getEnvironment().getProperty("local.server.port");
            String warmUp = newLearner("before-outage");
            assertThat(post(port, completed(newId(), warmUp, COURSE)).statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> awards(app, warmUp) == 1);

            broker.close();
            String learner = newLearner("during-outage");
            String statement = completed(newId(), learner, COURSE);
            long started = System.nanoTime();
            HttpResponse<String> refused = post(port, statement);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(took).isLessThan(DELIVERY_TIMEOUT.plusSeconds(3));

            broker = new EmbeddedKafkaBroker(brokerSettings);
            broker.start();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> post(port, statement).statusCode() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> awards(app, learner) == 1);
        } finally {
            broker.close();
        }
    }

    private static ConfigurableApplicationContext start(Path data, String brokers) {
        return new SpringApplicationBuilder(CredBridgeApplication.class)
                .run(TestCredentials.with(
                        "--server.port=0",
                        "--credbridge.embedded-kafka.enabled=false",
                        "--camel.component.kafka.brokers=" + brokers,
                        "--camel.component.kafka.delivery-timeout-ms=" + DELIVERY_TIMEOUT.toMillis(),
                        "--camel.component.kafka.request-timeout-ms=1000",
                        "--camel.component.kafka.max-block-ms=2000",
                        "--spring.datasource.url=jdbc:h2:file:"
                                + data.resolve("db").resolve("credbridge")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--credbridge.transcript.csv.directory=" + data.resolve("sis-import")));
    }

    private static long awards(ConfigurableApplicationContext app, String learner) {
        return app.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from award where learner_id = ?", Long.class, learner);
    }

    private HttpResponse<String> post(String port, String statements) throws IOException, InterruptedException {
        return XapiStatements.post(http, port, statements);
    }
}
