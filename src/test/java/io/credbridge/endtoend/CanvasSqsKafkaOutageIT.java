package io.credbridge.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.credbridge.CredBridgeApplication;
import io.credbridge.kafka.EmbeddedKafkaBroker;
import io.credbridge.kafka.EmbeddedKafkaProperties;
import io.credbridge.testsupport.ElasticMqQueue;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The broker goes away while Canvas keeps queuing events: a message whose event Kafka cannot acknowledge is not
 * deleted, SQS delivers it again after its (short, here) visibility timeout, and once the broker is back it is
 * published, awarded once and deleted.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CanvasSqsKafkaOutageIT {

    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(3);

    @Test
    void aMessageKafkaCannotTakeStaysOnTheQueueIsDeliveredAgainAndIsAwardedOnceTheBrokerIsBack() throws Exception {
        Path data = Files.createTempDirectory("credbridge-canvas-sqs-outage");
        EmbeddedKafkaProperties brokerSettings = EmbeddedKafkaProperties.of(
                data.resolve("kafka"), TestKafkaBroker.freePort(), TestKafkaBroker.freePort());
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(brokerSettings);
        broker.start();
        try (ElasticMqQueue queue = ElasticMqQueue.start("canvas-live-events-outage");
                ConfigurableApplicationContext app = start(data, broker.bootstrapServers(), queue)) {
            queue.send(CanvasLiveEventsEndToEndIT.completion("4100001"));
            await().atMost(Duration.ofSeconds(30)).until(() -> awards(app, "4100001") == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> queue.messagesOnQueue() == 0);

            broker.close();
            String learner = "4100002";
            queue.send(CanvasLiveEventsEndToEndIT.completion(learner));

            await().atMost(Duration.ofSeconds(60)).until(() -> queued(app, "returned") >= 2);
            assertThat(queue.messagesOnQueue())
                    .as("received twice, published never, deleted never")
                    .isEqualTo(1);
            assertThat(awards(app, learner)).isZero();

            broker = new EmbeddedKafkaBroker(brokerSettings);
            broker.start();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> awards(app, learner) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> queue.messagesOnQueue() == 0);
            app.getBean(org.apache.camel.CamelContext.class)
                    .getRouteController()
                    .stopRoute("ingest-canvas-sqs");
        } finally {
            broker.close();
        }
    }

    private static ConfigurableApplicationContext start(Path data, String brokers, ElasticMqQueue queue) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--credbridge.embedded-kafka.enabled=false",
                "--camel.component.kafka.brokers=" + brokers,
                "--camel.component.kafka.delivery-timeout-ms=4000",
                "--camel.component.kafka.request-timeout-ms=1000",
                "--camel.component.kafka.max-block-ms=2000",
                "--credbridge.catalog.locations[0]=classpath:catalog-canvas/*.yaml",
                "--spring.datasource.url=jdbc:h2:file:"
                        + data.resolve("db").resolve("credbridge")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--credbridge.transcript.csv.directory=" + data.resolve("sis-import")));
        arguments.addAll(queue.arguments(VISIBILITY_TIMEOUT));
        return new SpringApplicationBuilder(CredBridgeApplication.class)
                .run(TestCredentials.with(arguments.toArray(String[]::new)));
    }

    private static double queued(ConfigurableApplicationContext app, String outcome) {
        return app.getBean(MeterRegistry.class)
                .counter("credbridge.queue.messages", "source", "canvas", "outcome", outcome)
                .count();
    }

    private static long awards(ConfigurableApplicationContext app, String learner) {
        return app.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from award where learner_id = ?", Long.class, learner);
    }
}
