package io.credbridge.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code kafka} health component: asks the cluster Camel uses for its id and nodes. Answers
 * within about two seconds, DOWN with the reason when the cluster does not answer in time.
 */
@Component("kafkaHealthIndicator")
@ConditionalOnProperty("camel.component.kafka.brokers")
@ConditionalOnEnabledHealthIndicator("kafka")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String brokers;
    private final KafkaClientProperties clients;
    private Admin admin;
    private boolean closed;

    KafkaHealthIndicator(@Value("${camel.component.kafka.brokers}") String brokers, KafkaClientProperties clients) {
        this.brokers = brokers;
        this.clients = clients;
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster =
                    admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            String clusterId = cluster.clusterId().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            return Health.up()
                    .withDetail("brokers", brokers)
                    .withDetail("clusterId", clusterId)
                    .withDetail("nodes", nodes)
                    .build();
        } catch (ExecutionException e) {
            return down(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        } catch (TimeoutException | RuntimeException e) {
            return down(e);
        }
    }

    private Health down(Throwable reason) {
        return Health.down()
                .withDetail("brokers", brokers)
                .withException(reason)
                .build();
    }

    /** Created on first use, so an unresolvable host shows as DOWN instead of failing startup. */
    private synchronized Admin admin() {
        if (closed) {
            throw new IllegalStateException("the application is shutting down");
        }
        if (admin == null) {
            int timeout = (int) TIMEOUT.toMillis();
            admin = Admin.create(clients.over(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "credbridge-health",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                    AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, timeout / 2,
                    AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, timeout)));
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        closed = true;
        if (admin != null) {
            admin.close(TIMEOUT);
            admin = null;
        }
    }
}
