package io.credbridge.transcript;

import static io.credbridge.transcript.SampleEntries.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.credbridge.ops.CredBridgeMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

@Timeout(30)
class GuardedTranscriptWriterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile RuntimeException sisAnswer = new TransientSisFailure("HTTP 503");

    private final TranscriptWriter sis = new TranscriptWriter() {
        @Override
        public List<WrittenEntry> write(List<TranscriptEntry> entries) {
            calls.incrementAndGet();
            if (sisAnswer != null) {
                throw sisAnswer;
            }
            return WrittenEntry.withoutIds(entries);
        }

        @Override
        public String target() {
            return "ethos";
        }
    };

    private final GuardedTranscriptWriter writer = new GuardedTranscriptWriter(
            sis,
            new TranscriptProperties.Breaker(50, 4, 4, Duration.ofMillis(300), 1),
            new CredBridgeMetrics(registry));

    @Test
    void aFailingSisOpensTheBreakerAndDeliveriesThenFailFastAsTransientWithoutCallingIt() {
        failFourTimes();

        assertThat(writer.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> writer.write(List.of(issued("award-5"))))
                .isInstanceOfSatisfying(TransientSisFailure.class, failure -> {
                    assertThat(failure).hasMessageContaining("circuit breaker is open");
                    assertThat(failure.retryAfter()).isEqualTo(Duration.ofMillis(300));
                });
        assertThat(calls).hasValue(4);
    }

    @Test
    void afterItsWaitATrialCallThatSucceedsClosesTheBreakerAgain() throws Exception {
        failFourTimes();
        sisAnswer = null;

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try {
                        writer.write(List.of(issued("award-5")));
                        return true;
                    } catch (TransientSisFailure stillOpen) {
                        return false;
                    }
                });

        assertThat(writer.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(writer.write(List.of(issued("award-6")))).hasSize(1);
    }

    @Test
    void permanentRejectionsAreTheSisWorkingAndDoNotOpenTheBreaker() {
        sisAnswer = new PermanentSisRejection("ethos", "award-1/ISSUED", 400, "Validation.Exception", "bad");

        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> writer.write(List.of(issued("award-1"))))
                    .isInstanceOf(PermanentSisRejection.class);
        }

        assertThat(writer.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls).hasValue(6);
    }

    @Test
    void theBreakerStateIsAGaugeAndAnOpenBreakerIsDegradedNotDownInHealth() {
        TranscriptHealthIndicator health = new TranscriptHealthIndicator(List.of(writer));
        assertThat(gauge()).isZero();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        failFourTimes();

        assertThat(gauge()).isEqualTo(1.0);
        Health degraded = health.health();
        assertThat(degraded.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(degraded.getDetails())
                .containsEntry("target", "ethos")
                .extractingByKey("targets")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .extractingByKey("ethos")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("breaker", "OPEN");
    }

    private double gauge() {
        return registry.get("credbridge.transcript.breaker.state")
                .tag("target", "ethos")
                .gauge()
                .value();
    }

    private void failFourTimes() {
        for (int i = 1; i <= 4; i++) {
            String awardId = "award-" + i;
            assertThatThrownBy(() -> writer.write(List.of(issued(awardId)))).isInstanceOf(TransientSisFailure.class);
        }
    }
}
