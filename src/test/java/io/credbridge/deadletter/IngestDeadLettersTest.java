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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class IngestDeadLettersTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private final MigratedDatabase database = MigratedDatabase.of(H2TestDatabase.newDataSource());
    private final IngestDeadLetters deadLetters = new IngestDeadLetters(
            new DeadLetterRecorder(
                    new DeadLetterStore(database.jdbc()),
                    new OutboxStore(database.jdbc()),
                    new CredBridgeMetrics(new SimpleMeterRegistry()),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            database.transactions(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void inputDeliveredAgainIsFiledOnceAndTheLogSaysWhich(CapturedOutput output) {
        assertThat(deadLetters.setAside("Queued message m-1", unusable("m-1"))).isTrue();
        assertThat(deadLetters.setAside("Queued message m-1", unusable("m-1"))).isFalse();

        assertThat(filed()).isEqualTo(1);
        assertThat(output.getOut())
                .contains("Queued message m-1 could not be used and is dead letter " + idOf("m-1") + ": not JSON")
                .contains("Queued message m-1 came again; it is dead letter " + idOf("m-1") + " already");
    }

    @Test
    void aBatchIsFiledTogetherAndWhatWasFiledBeforeIsSkipped() {
        deadLetters.setAside(List.of(unusable("m-1")));
        deadLetters.setAside(List.of(unusable("m-1"), unusable("m-2")));
        deadLetters.setAside(List.of());

        assertThat(filed()).isEqualTo(2);
        assertThat(new DeadLetterStore(database.jdbc()).find(idOf("m-2")))
                .hasValueSatisfying(entry -> assertThat(entry.createdAt()).isEqualTo(NOW));
    }

    @Test
    void anIdIsTheNameBasedUuidOfWhereTheInputWasReadSoDeadLettersFiledEarlierKeepTheirIds() {
        assertThat(IngestDeadLetters.idOf("sqs", "https://sqs.example/q", "m-1"))
                .isEqualTo(UUID.nameUUIDFromBytes("sqs\nhttps://sqs.example/q\nm-1".getBytes(StandardCharsets.UTF_8))
                        .toString());
    }

    private static IngestDeadLetters.Unusable unusable(String messageId) {
        return now -> DeadLetterEntry.ofIngest(
                idOf(messageId),
                "canvas",
                "https://sqs.example/q",
                messageId,
                "not JSON",
                "io.credbridge.ingest.RejectedInputException",
                "{".getBytes(StandardCharsets.UTF_8),
                now);
    }

    private static String idOf(String messageId) {
        return IngestDeadLetters.idOf("sqs", "https://sqs.example/q", messageId);
    }

    private long filed() {
        return database.jdbc().queryForObject("select count(*) from dead_letter", Map.of(), Long.class);
    }
}
