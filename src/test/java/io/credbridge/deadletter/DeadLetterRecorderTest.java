package io.credbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxStore;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class DeadLetterRecorderTest {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void inputDeliveredAgainUnderTheSameDeadLetterIdIsFiledAndPublishedOnce() {
        MigratedDatabase database = MigratedDatabase.of(H2TestDatabase.newDataSource());
        NamedParameterJdbcTemplate jdbc = database.jdbc();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeadLetterRecorder recorder = new DeadLetterRecorder(
                new DeadLetterStore(jdbc),
                new OutboxStore(jdbc),
                new CredBridgeMetrics(meters),
                Clock.fixed(NOW, ZoneOffset.UTC));
        DeadLetterEntry unreadable = DeadLetterEntry.ofIngest(
                "7f1c2b9e-0000-4000-8000-0000000000aa",
                "canvas",
                "https://sqs.us-east-1.amazonaws.com/123456789012/canvas-live-events-test",
                "message-1",
                "the message body is not JSON",
                "io.credbridge.ingest.RejectedInputException",
                "not json".getBytes(StandardCharsets.UTF_8),
                NOW);

        boolean first = database.transactions().execute(status -> recorder.recordOnce(unreadable));
        boolean again = database.transactions().execute(status -> recorder.recordOnce(unreadable));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Map.of(), Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event", Map.of(), Long.class))
                .as("one dead-letter record to publish")
                .isEqualTo(1);
        assertThat(meters.counter("credbridge.dead.letters", "stage", "ingest", "source", "canvas")
                        .count())
                .isEqualTo(1);
    }
}
