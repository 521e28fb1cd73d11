package io.credbridge.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets input a source delivered but cannot use aside as replayable dead letters (stage {@code ingest}), before the
 * source lets go of it (deletes the queued message, commits the offset, finishes the job). Each dead letter's id
 * comes from where the input was read ({@link #idOf}), so input delivered again after a crash is filed once; the
 * payload is what the source's {@link IngestedPayloads} reads again on replay.
 */
@Component
public class IngestDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(IngestDeadLetters.class);

    private final DeadLetterRecorder deadLetters;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public IngestDeadLetters(DeadLetterRecorder deadLetters, TransactionTemplate transactions, Clock clock) {
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Input set aside, made into its dead letter when it is filed: {@code now -> DeadLetterEntry.ofIngest(.., now)}. */
    @FunctionalInterface
    public interface Unusable {
        DeadLetterEntry at(Instant now);
    }

    /** A dead letter's id from where its input was read: the same parts always give the same id. */
    public static String idOf(String... where) {
        return UUID.nameUUIDFromBytes(String.join("\n", where).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Files the input unless it is filed already, and logs which.
     *
     * @param what the input as the log names it, e.g. {@code Canvas SQS message 1f2e...}
     * @return whether it was filed now
     */
    public boolean setAside(String what, Unusable input) {
        DeadLetterEntry entry = input.at(clock.instant());
        boolean filed = Boolean.TRUE.equals(transactions.execute(status -> deadLetters.recordOnce(entry)));
        if (filed) {
            log.warn("{} could not be used and is dead letter {}: {}", what, entry.deadLetterId(), entry.reason());
        } else {
            log.info("{} came again; it is dead letter {} already", what, entry.deadLetterId());
        }
        return filed;
    }

    /** Files each input not filed already, all in one transaction; the caller reports them (a job's rows, say). */
    public void setAside(List<Unusable> inputs) {
        if (inputs.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<DeadLetterEntry> entries =
                inputs.stream().map(input -> input.at(now)).toList();
        transactions.executeWithoutResult(status -> entries.forEach(deadLetters::recordOnce));
    }
}
