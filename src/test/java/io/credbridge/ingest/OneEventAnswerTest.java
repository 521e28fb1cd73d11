package io.credbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.ops.CredBridgeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class OneEventAnswerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OneEventAnswer answer = new OneEventAnswer(new CredBridgeMetrics(meters), "canvas");

    @Test
    void aPublishedEventIsNamedByItsIdAndCountedAsReceivedOnly() {
        assertThat(answer.to("course_completed", "evt-1", null))
                .isEqualTo("{\"eventName\":\"course_completed\",\"eventId\":\"evt-1\"}");

        assertThat(count("credbridge.events.received")).isEqualTo(1);
        assertThat(count("credbridge.events.ignored")).isZero();
    }

    @Test
    void anIgnoredEventSaysWhyAndIsCountedAsReceivedAndIgnored() {
        assertThat(answer.to("asset_accessed", null, "not an event CredBridge acts on"))
                .isEqualTo("{\"eventName\":\"asset_accessed\",\"ignored\":\"not an event CredBridge acts on\"}");

        assertThat(count("credbridge.events.received")).isEqualTo(1);
        assertThat(count("credbridge.events.ignored")).isEqualTo(1);
    }

    private double count(String name) {
        var counter = meters.find(name).tag("source", "canvas").counter();
        return counter == null ? 0 : counter.count();
    }
}
