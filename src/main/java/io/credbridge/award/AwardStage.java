package io.credbridge.award;

import io.credbridge.award.ProcessedEventLog.Outcome;
import io.credbridge.award.ProcessedEventLog.ProcessedEvent;
import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.deadletter.DeadLetterRecorder;
import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one polled batch of learning events in one database transaction: dedup log, progress, awards,
 * dead letters and outbox events commit together or not at all. When the batch fails for a reason other than
 * the database being unreachable, each event is retried in its own transaction so that one poison event is
 * dead-lettered instead of blocking its partition. When the database is unreachable the failure propagates, the
 * offsets stay uncommitted and the batch is consumed again.
 */
@Component
public class AwardStage {

    private static final Logger log = LoggerFactory.getLogger(AwardStage.class);

    private final LearningEventIntake intake;
    private final ProcessedEventLog processedEvents;
    private final AwardLedger ledger;
    private final CredentialEvaluator evaluator;
    private final OutboxStore outbox;
    private final DeadLetterRecorder deadLetters;
    private final OutboxRelay relay;
    private final TransactionTemplate transactions;
    private final CredBridgeMetrics metrics;
    private final Regressions regressions;
    private final Clock clock;

    public AwardStage(
            LearningEventIntake intake,
            ProcessedEventLog processedEvents,
            AwardLedger ledger,
            CredentialEvaluator evaluator,
            OutboxStore outbox,
            DeadLetterRecorder deadLetters,
            OutboxRelay relay,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            Regressions regressions,
            Clock clock) {
        this.intake = intake;
        this.processedEvents = processedEvents;
        this.ledger = ledger;
        this.evaluator = evaluator;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.transactions = transactions;
        this.metrics = metrics;
        this.regressions = regressions;
        this.clock = clock;
    }

    public BatchResult process(List<ConsumedRecord> records) {
        long started = System.nanoTime();
        List<Intake> intakes = records.stream().map(intake::of).toList();
        BatchResult result;
        try {
            result = transactions.execute(status -> apply(intakes));
        } catch (RuntimeException e) {
            if (databaseUnreachable(e)) {
                throw e;
            }
            log.warn(
                    "A batch of {} learning events failed ({}); applying them one by one",
                    intakes.size(),
                    e.toString());
            result = applyOneByOne(intakes);
        }
        afterCommit(result);
        if (log.isDebugEnabled()) {
            log.debug(
                    "Applied {} events ({} duplicates, {} awards, {} dead-lettered) in {} ms",
                    result.received(),
                    result.duplicates(),
                    result.awards().size(),
                    result.deadLettered(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return result;
    }

    private BatchResult applyOneByOne(List<Intake> intakes) {
        BatchResult total = BatchResult.EMPTY;
        for (Intake single : intakes) {
            try {
                total = total.plus(transactions.execute(status -> apply(List.of(single))));
            } catch (RuntimeException e) {
                if (databaseUnreachable(e)) {
                    throw e;
                }
                log.error("Learning event {} cannot be applied; dead-lettering it", single.dedupKey(), e);
                Intake.Unusable poison = poison(single, e);
                total = total.plus(transactions.execute(status -> apply(List.of(poison))));
            }
        }
        return total;
    }

    private BatchResult apply(List<Intake> intakes) {
        Instant now = clock.instant();
        Set<String> seen = processedEvents.alreadyProcessed(
                intakes.stream().map(Intake::dedupKey).toList());
        Map<String, Intake> fresh = new LinkedHashMap<>();
        for (Intake each : intakes) {
            if (!seen.contains(each.dedupKey())) {
                fresh.putIfAbsent(each.dedupKey(), each);
            }
        }
        Map<String, LearnerProgress> learners = ledger.progressOf(fresh.values().stream()
                .filter(Intake.Usable.class::isInstance)
                .map(each -> ((Intake.Usable) each).learnerId())
                .distinct()
                .toList());

        List<ProcessedEvent> processed = new ArrayList<>();
        List<MetRequirement> progress = new ArrayList<>();
        List<Award> awards = new ArrayList<>();
        List<DeadLetterEntry> unusable = new ArrayList<>();
        List<Intake.Voiding> voidings = new ArrayList<>();
        for (Intake each : fresh.values()) {
            if (each instanceof Intake.Usable usable) {
                CredentialEvaluator.Outcome outcome = evaluator.apply(usable.event(), learners.get(usable.learnerId()));
                progress.addAll(outcome.newlyMet());
                awards.addAll(outcome.awards());
                processed.add(new ProcessedEvent(each.dedupKey(), Outcome.ACCEPTED));
            } else if (each instanceof Intake.Voiding voiding) {
                voidings.add(voiding);
                processed.add(new ProcessedEvent(each.dedupKey(), Outcome.ACCEPTED));
            } else if (each instanceof Intake.Unusable bad) {
                unusable.add(DeadLetterEntry.ofRecord(
                        bad.record(),
                        bad.event() == null ? null : bad.dedupKey(),
                        bad.source(),
                        bad.reason(),
                        bad.errorType(),
                        now));
                processed.add(new ProcessedEvent(each.dedupKey(), Outcome.DEAD_LETTERED));
            }
        }
        processedEvents.record(processed, now);
        ledger.recordProgress(progress);
        ledger.recordAwards(awards);
        outbox.append(outboxEventsFor(awards, now));
        // After this batch's awards are stored, so a void can withdraw an event applied earlier in the same batch.
        List<EndedAward> revoked = voidings.isEmpty() ? List.of() : regressions.apply(voidings, fresh.keySet(), now);
        deadLetters.record(unusable);
        return new BatchResult(
                intakes.size(),
                intakes.size() - fresh.size(),
                awards,
                unusable.size(),
                revoked.stream().map(EndedAward::credentialId).toList());
    }

    private static List<OutboxEvent> outboxEventsFor(List<Award> awards, Instant now) {
        List<OutboxEvent> events = new ArrayList<>();
        for (Award award : awards) {
            events.addAll(AwardOutbox.eventsFor(AwardChange.of(award), now));
        }
        return events;
    }

    private void afterCommit(BatchResult result) {
        result.awards()
                .forEach(award -> metrics.awarded(
                        award.triggeredBy().source(), award.credential().id()));
        result.revokedCredentials().forEach(credential -> metrics.awardChanged(AwardEndings.REVOKED, credential));
        if (!result.awards().isEmpty()
                || result.deadLettered() > 0
                || !result.revokedCredentials().isEmpty()) {
            relay.wakeUp();
        }
    }

    private static Intake.Unusable poison(Intake single, RuntimeException error) {
        return new Intake.Unusable(
                single.record(),
                single.event(),
                "applying the event failed: " + error,
                error.getClass().getName());
    }

    static boolean databaseUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * What one batch did.
     *
     * @param duplicates events skipped because their id was processed before (or earlier in the batch)
     * @param revokedCredentials the credentials of the awards voided events revoked
     */
    public record BatchResult(
            int received, int duplicates, List<Award> awards, int deadLettered, List<String> revokedCredentials) {

        static final BatchResult EMPTY = new BatchResult(0, 0, List.of(), 0, List.of());

        BatchResult plus(BatchResult other) {
            List<Award> all = new ArrayList<>(awards);
            all.addAll(other.awards);
            List<String> revoked = new ArrayList<>(revokedCredentials);
            revoked.addAll(other.revokedCredentials);
            return new BatchResult(
                    received + other.received,
                    duplicates + other.duplicates,
                    all,
                    deadLettered + other.deadLettered,
                    revoked);
        }
    }
}
