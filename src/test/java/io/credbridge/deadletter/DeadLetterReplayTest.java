package io.credbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.kafka.OutgoingRecord;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A learning event's replay is published once its dead letter is marked replayed; if it cannot be, it is not. */
class DeadLetterReplayTest {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    NamedParameterJdbcTemplate jdbc;
    DeadLetterStore store;
    TransactionTemplate transactions;
    DeadLetterEntry deadLetter;
    final List<String> reopened = new ArrayList<>();

    @BeforeEach
    void aDeadLetteredLearningEvent() {
        MigratedDatabase database = MigratedDatabase.of(H2TestDatabase.newDataSource());
        jdbc = database.jdbc();
        store = new DeadLetterStore(jdbc);
        transactions = database.transactions();
        deadLetter = DeadLetterEntry.ofRecord(
                new ConsumedRecord(
                        "credbridge.learning-events.v1", 0, 7, "alice", "{}".getBytes(StandardCharsets.UTF_8)),
                "e1",
                "xapi",
                "no learner",
                "unresolved-learner",
                NOW);
        store.insert(List.of(deadLetter));
    }

    @Test
    void aReplayIsPublishedWithTheEventsIdReopenedAndTheDeadLetterMarkedReplayed() {
        List<OutgoingRecord> published = new ArrayList<>();

        DeadLetterEntry replayed = replay(published::addAll).replay(deadLetter.deadLetterId());

        assertThat(replayed.status()).isEqualTo(DeadLetterEntry.Status.REPLAYED);
        assertThat(reopened).containsExactly("e1");
        assertThat(published)
                .singleElement()
                .satisfies(record -> assertThat(record.key()).isEqualTo("alice"));
    }

    @Test
    void aReplayThatCannotBePublishedLeavesTheDeadLetterNewToBeReplayedAgain() {
        DeadLetterReplay failing = replay(records -> {
            throw new IllegalStateException("broker unavailable");
        });

        assertThatThrownBy(() -> failing.replay(deadLetter.deadLetterId())).hasMessageContaining("broker unavailable");

        assertThat(store.find(deadLetter.deadLetterId()).orElseThrow().status()).isEqualTo(DeadLetterEntry.Status.NEW);
        List<OutgoingRecord> published = new ArrayList<>();
        assertThat(replay(published::addAll).replay(deadLetter.deadLetterId()).status())
                .isEqualTo(DeadLetterEntry.Status.REPLAYED);
        assertThat(published).hasSize(1);
    }

    @Test
    void anIngestDeadLetterIsReadAgainByItsSourceAndWhatItYieldsIsPublished() {
        DeadLetterEntry unread = storedIngestDeadLetter("7f1c2b9e-0000-4000-8000-000000000001", "{\"metadata\": {}}");
        List<byte[]> read = new ArrayList<>();
        OutgoingRecord event = new OutgoingRecord("learner-1", new byte[] {1}, java.util.Map.of());
        List<OutgoingRecord> published = new ArrayList<>();

        DeadLetterEntry replayed = replay(published::addAll, source("canvas", payload -> {
                    read.add(payload);
                    return List.of(event);
                }))
                .replay(unread.deadLetterId());

        assertThat(replayed.status()).isEqualTo(DeadLetterEntry.Status.REPLAYED);
        assertThat(read).singleElement().isEqualTo(unread.payload());
        assertThat(published).containsExactly(event);
        assertThat(reopened).isEmpty();
    }

    @Test
    void anIngestDeadLetterThatStillCannotBeReadStaysNewAndTheReplaySaysWhy() {
        DeadLetterEntry unread = storedIngestDeadLetter("7f1c2b9e-0000-4000-8000-000000000002", "not json");
        List<OutgoingRecord> published = new ArrayList<>();

        assertThatThrownBy(() -> replay(published::addAll, source("canvas", payload -> {
                            throw new IllegalArgumentException("the message body is not JSON");
                        }))
                        .replay(unread.deadLetterId()))
                .isInstanceOf(DeadLetterReplay.NotReplayableException.class)
                .hasMessageContaining("the message body is not JSON");
        assertThatThrownBy(() -> replay(published::addAll).replay(unread.deadLetterId()))
                .hasMessageContaining("no source named canvas");

        assertThat(store.find(unread.deadLetterId()).orElseThrow().status()).isEqualTo(DeadLetterEntry.Status.NEW);
        assertThat(published).isEmpty();
    }

    private DeadLetterEntry storedIngestDeadLetter(String deadLetterId, String payload) {
        DeadLetterEntry unread = DeadLetterEntry.ofIngest(
                deadLetterId,
                "canvas",
                "https://sqs.us-east-1.amazonaws.com/123456789012/canvas-live-events-test",
                "message-" + deadLetterId,
                "the Canvas Live Event could not be read",
                "io.credbridge.ingest.RejectedInputException",
                payload.getBytes(StandardCharsets.UTF_8),
                NOW);
        store.insert(List.of(unread));
        return unread;
    }

    private static IngestedPayloads source(
            String name, java.util.function.Function<byte[], List<OutgoingRecord>> read) {
        return new IngestedPayloads() {
            @Override
            public String source() {
                return name;
            }

            @Override
            public List<OutgoingRecord> reread(byte[] payload) {
                return read.apply(payload);
            }
        };
    }

    private DeadLetterReplay replay(Consumer<List<OutgoingRecord>> publisher, IngestedPayloads... sources) {
        return new DeadLetterReplay(
                store,
                reopened::add,
                new OutboxStore(jdbc),
                Mockito.mock(OutboxRelay.class),
                publisher,
                List.of(sources),
                transactions,
                new CloudEventsProperties("urn:credbridge:test"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
