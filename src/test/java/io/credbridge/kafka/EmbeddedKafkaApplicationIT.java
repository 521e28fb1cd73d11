package io.credbridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.CredBridgeApplication;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The whole application with the embedded broker switched on, as a developer runs it locally. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedKafkaApplicationIT {

    private static final List<String> consumed = new CopyOnWriteArrayList<>();
    private static final Map<String, Boolean> brokerRunningWhen = new ConcurrentHashMap<>();

    @TempDir
    Path dataDir;

    private final int port = KafkaTestSupport.freePort();

    @Test
    void camelConsumesFromTheEmbeddedBrokerWhichStartsBeforeCamelAndStopsAfterIt() throws Exception {
        ConfigurableApplicationContext app = start(CamelProbe.class);
        try (KafkaProducer<String, String> producer = KafkaTestSupport.producer("localhost:" + port)) {
            producer.send(new ProducerRecord<>("credbridge.probe", "learner-1", "hello"))
                    .get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(consumed).containsExactly("hello"));
        } finally {
            app.close();
        }

        assertThat(brokerRunningWhen)
                .containsEntry("camel routes starting", true)
                .containsEntry("camel stopped", true);
    }

    @Test
    void theHealthEndpointShowsTheEmbeddedBrokerAsKafkaUp() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            String url =
                    "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/actuator/health";
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());

            JsonNode kafka = new ObjectMapper()
                    .readTree(response.body())
                    .path("components")
                    .path("kafka");
            assertThat(kafka.path("status").asText()).isEqualTo("UP");
            assertThat(kafka.path("details").path("nodes").asInt()).isEqualTo(1);
            assertThat(kafka.path("details").path("clusterId").asText()).isNotBlank();
        }
    }

    @Test
    void theAwardConsumerJoinsAsAStaticMemberAndIsReadyOnlyOnceItHoldsItsPartitions() throws Exception {
        try (ConfigurableApplicationContext app = start("--credbridge.award.instance-id=credbridge-it-1")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            JsonNode awardStage = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> health(base + "/actuator/health")
                                    .path("components")
                                    .path("awardStage"),
                            stage -> stage.path("status").asText().equals("UP"));

            assertThat(awardStage.path("details").path("partitions"))
                    .extracting(JsonNode::asText)
                    .containsExactly(java.util.stream.IntStream.range(0, 6)
                            .mapToObj(partition -> "credbridge.learning-events.v1-" + partition)
                            .toArray(String[]::new));
            assertThat(awardStage.path("details").path("lag").asLong()).isZero();
            assertThat(health(base + "/actuator/health/readiness")
                            .path("status")
                            .asText())
                    .isEqualTo("UP");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("credbridge-award"))
                        .describedGroups()
                        .get("credbridge-award")
                        .get(30, TimeUnit.SECONDS);
                assertThat(group.members())
                        .singleElement()
                        .satisfies(
                                member -> assertThat(member.groupInstanceId()).hasValue("credbridge-it-1"));
            }
        }
    }

    @Test
    void startupFailsNamingThePortPropertyWhenTheBrokerPortIsTaken() throws Exception {
        ServerSocket occupant = new ServerSocket(port);
        try {
            assertThatThrownBy(this::start)
                    .hasStackTraceContaining(
                            "port " + port + " is in use, set credbridge.embedded-kafka.port to a free port");
        } finally {
            occupant.close();
        }
    }

    private ConfigurableApplicationContext start(String... extraArguments) {
        return start(new Class<?>[0], extraArguments);
    }

    private ConfigurableApplicationContext start(Class<?> extraSource) {
        return start(new Class<?>[] {extraSource});
    }

    private static JsonNode health(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    private ConfigurableApplicationContext start(Class<?>[] extraSources, String... extraArguments) {
        consumed.clear();
        brokerRunningWhen.clear();
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = CredBridgeApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        // Command-line arguments, not builder defaults: they must win over application.yaml.
        List<String> arguments = new java.util.ArrayList<>(io.credbridge.testsupport.TestCredentials.arguments());
        arguments.addAll(List.of(
                "--server.port=0",
                "--credbridge.embedded-kafka.enabled=true",
                "--credbridge.embedded-kafka.port=" + port,
                "--credbridge.embedded-kafka.controller-port=" + KafkaTestSupport.freePort(),
                "--credbridge.embedded-kafka.data-dir=" + dataDir.resolve("kafka"),
                "--camel.component.kafka.brokers=localhost:" + port,
                "--spring.datasource.url=jdbc:h2:mem:" + java.util.UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--credbridge.transcript.csv.directory=" + dataDir.resolve("sis-import"),
                "--management.endpoint.health.show-details=always"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(sources).run(arguments.toArray(String[]::new));
    }

    /** A Kafka route and a witness of the broker's state at Camel's start and stop. */
    static class CamelProbe {

        @Bean
        RouteBuilder probeRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("kafka:credbridge.probe?groupId=probe&autoOffsetReset=earliest&pollTimeoutMs=500")
                            .routeId("probe")
                            .process(exchange ->
                                    consumed.add(exchange.getMessage().getBody(String.class)));
                }
            };
        }

        @Bean
        EventNotifier brokerWitness(BeanFactory beans) {
            SingletonBeanRegistry singletons = (SingletonBeanRegistry) beans;
            return new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.CamelContextRoutesStartingEvent) {
                        brokerRunningWhen.put("camel routes starting", running());
                    } else if (event instanceof CamelEvent.CamelContextStoppedEvent) {
                        brokerRunningWhen.put("camel stopped", running());
                    }
                }

                private boolean running() {
                    return singletons.getSingleton("embeddedKafkaBroker") instanceof EmbeddedKafkaBroker broker
                            && broker.isRunning();
                }
            };
        }
    }
}
