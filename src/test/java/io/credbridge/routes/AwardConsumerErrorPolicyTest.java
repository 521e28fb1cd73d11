package io.credbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The error policy the award consumer follows, loaded from routes/error-policy.camel.yaml into a plain Camel context
 * and applied to a route whose last step is the offset commit, as in routes/award.camel.yaml.
 */
class AwardConsumerErrorPolicyTest {

    private final AtomicInteger commits = new AtomicInteger();
    private CamelContext camel;
    private ProducerTemplate batches;

    /** What the commit step throws on each attempt, until it has nothing left and succeeds. */
    private volatile RuntimeException[] refusals = new RuntimeException[0];

    @BeforeEach
    void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        PluginHelper.getRoutesLoader(camel)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(
                        camel, "file:" + Path.of("routes", "error-policy.camel.yaml")));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").routeConfigurationId("award-consumer").process(exchange -> {
                    int attempt = commits.getAndIncrement();
                    if (attempt < refusals.length) {
                        throw refusals[attempt];
                    }
                });
            }
        });
        camel.start();
        batches = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        camel.close();
    }

    @Test
    void aCommitRefusedWhileTheGroupRebalancesFailsTheBatchAtOnceSoTheConsumerCanPollAndFinishTheRebalance() {
        refusals = new RuntimeException[] {new RebalanceInProgressException("the group is rebalancing")};

        Exchange batch = batches.send("direct:batch", exchange -> {});

        assertThat(commits).as("no retry on the consumer's thread").hasValue(1);
        assertThat(batch.getException()).isInstanceOf(RebalanceInProgressException.class);
    }

    @Test
    void aCommitRefusedBecauseThePartitionsMovedToAnotherMemberFailsTheBatchAtOnce() {
        refusals = new RuntimeException[] {new CommitFailedException("the partitions are another member's now")};

        Exchange batch = batches.send("direct:batch", exchange -> {});

        assertThat(commits).hasValue(1);
        assertThat(batch.getException()).isInstanceOf(CommitFailedException.class);
    }

    @Test
    void aCommitThatTimesOutWhileTheBrokerIsAwayIsRetriedOnTheConsumersThread() {
        refusals = new RuntimeException[] {new TimeoutException("the broker does not answer")};

        Exchange batch = batches.send("direct:batch", exchange -> {});

        assertThat(commits).as("the first attempt and one retry").hasValue(2);
        assertThat(batch.getException()).isNull();
    }
}
