package io.credbridge.deadletter;

import io.credbridge.kafka.CloudEventHeaders;
import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.kafka.OutgoingRecord;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a dead letter once its cause is fixed: a learning event is published again to the learning-events
 * topic (and its id reopened, or the award stage would skip it as a duplicate); a failed delivery is put back in
 * the outbox under its original id. A learning event is published once the dead letter is marked replayed and
 * its id reopened; when it cannot be published, the dead letter is new again (its id stays reopened, which is
 * harmless: the event is not on the topic). Input a source delivered that could not be read is read again by that
 * source's {@link IngestedPayloads} first: if it still cannot be used the dead letter stays new and the caller is
 * told why; otherwise what it yields is published like a learning event's replay.
 */
final class DeadLetterReplay {

    private final DeadLetterStore store;
    private final ReprocessableEvents processedEvents;
    private final OutboxStore outbox;
    private final OutboxRelay relay;
    private final Consumer<List<OutgoingRecord>> learningEventPublisher;
    private final Map<String, IngestedPayloads> sources;
    private final TransactionTemplate transactions;
    private final CloudEventsProperties cloudEvents;
    private final Clock clock;

    public DeadLetterReplay(
            DeadLetterStore store,
            ReprocessableEvents processedEvents,
            OutboxStore outbox,
            OutboxRelay relay,
            Consumer<List<OutgoingRecord>> learningEventPublisher,
            List<IngestedPayloads> sources,
            TransactionTemplate transactions,
            CloudEventsProperties cloudEvents,
            Clock clock) {
        this.store = store;
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.relay = relay;
        this.learningEventPublisher = learningEventPublisher;
        this.sources =
                sources.stream().collect(Collectors.toUnmodifiableMap(IngestedPayloads::source, source -> source));
        this.transactions = transactions;
        this.cloudEvents = cloudEvents;
        this.clock = clock;
    }

    public DeadLetterEntry replay(String deadLetterId) {
        DeadLetterEntry entry =
                store.find(deadLetterId).orElseThrow(() -> new DeadLetterNotFoundException(deadLetterId));
        if (entry.status() == DeadLetterEntry.Status.REPLAYED) {
            throw new AlreadyReplayedException(entry);
        }
        List<OutgoingRecord> reread = entry.stage() == Stage.INGEST ? reread(entry) : List.of();
        transactions.executeWithoutResult(status -> {
            if (!store.markReplayed(deadLetterId, clock.instant())) {
                throw new AlreadyReplayedException(entry);
            }
            switch (entry.stage()) {
                case AWARD -> {
                    if (entry.eventId() != null) {
                        processedEvents.reopenDeadLettered(entry.eventId());
                    }
                }
                case TRANSCRIPT, BADGE -> {
                    if (!outbox.resubmit(entry.eventId(), clock.instant())) {
                        throw new IllegalStateException("outbox event " + entry.eventId() + " is no longer failed");
                    }
                }
                case INGEST -> {
                    // Its events were never published, so there is no processed id to reopen.
                }
            }
        });
        if (entry.stage() == Stage.AWARD || entry.stage() == Stage.INGEST) {
            // Only after the event's id is reopened for everyone: published inside the transaction, the award stage
            // could consume it first, still see it processed, and skip it.
            try {
                if (entry.stage() == Stage.AWARD) {
                    republish(entry);
                } else if (!reread.isEmpty()) {
                    learningEventPublisher.accept(reread);
                }
            } catch (RuntimeException e) {
                store.reopen(deadLetterId);
                throw e;
            }
        }
        relay.wakeUp();
        return store.find(deadLetterId).orElseThrow();
    }

    private void republish(DeadLetterEntry entry) {
        String cloudEventId = entry.eventId() == null ? UUID.randomUUID().toString() : entry.eventId();
        learningEventPublisher.accept(List.of(new OutgoingRecord(
                entry.originKey(),
                entry.payload(),
                CloudEventHeaders.of(
                        cloudEventId,
                        CloudEventHeaders.LEARNING_EVENT_TYPE,
                        cloudEvents.sourceOf("dead-letter/replay"),
                        clock.instant()))));
    }

    private List<OutgoingRecord> reread(DeadLetterEntry entry) {
        IngestedPayloads source = entry.source() == null ? null : sources.get(entry.source());
        if (source == null) {
            throw new NotReplayableException(entry, "no source named " + entry.source() + " reads its payload");
        }
        try {
            return source.reread(entry.payload());
        } catch (RuntimeException e) {
            throw new NotReplayableException(entry, e.getMessage());
        }
    }

    public static final class DeadLetterNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeadLetterNotFoundException(String deadLetterId) {
            super("No dead letter with id " + deadLetterId);
        }
    }

    /** Input a source delivered that still cannot be used: the dead letter stays new, with the reason. */
    public static final class NotReplayableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotReplayableException(DeadLetterEntry entry, String reason) {
            super("Dead letter " + entry.deadLetterId() + " still cannot be used, so it was not replayed: " + reason);
        }
    }

    public static final class AlreadyReplayedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyReplayedException(DeadLetterEntry entry) {
            super("Dead letter " + entry.deadLetterId() + " was already replayed"
                    + (entry.replayedAt() == null ? "" : " at " + entry.replayedAt()));
        }
    }
}
