package io.credbridge.award;

import io.credbridge.award.ProcessedEventLog.Outcome;
import io.credbridge.award.ProcessedEventLog.ProcessedEvent;
import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.deadletter.DeadLetterRecorder;
import io.credbridge.identity.ParkedEvent;
import io.credbridge.identity.ParkedEvents;
import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxRelay;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one polled batch of learning events in one database transaction: learner facts (which are also the
 * dedup log), awards and revocations, parked events, dead letters and outbox events commit together or not at all. When the batch fails for a reason other than
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
    private final AwardEffects effects;
    private final DeadLetterRecorder deadLetters;
    private final OutboxRelay relay;
    private final TransactionTemplate transactions;
    private final CredBridgeMetrics metrics;
    private final ParkedEvents parkedEvents;
    private final Learners learners;
    private final LearnerShards shards;
    private final Clock clock;

    public AwardStage(
            LearningEventIntake intake,
            ProcessedEventLog processedEvents,
            AwardLedger ledger,
            CredentialEvaluator evaluator,
            AwardEffects effects,
            DeadLetterRecorder deadLetters,
            OutboxRelay relay,
            TransactionTemplate transactions,
            CredBridgeMetrics metrics,
            ParkedEvents parkedEvents,
            Learners learners,
            LearnerShards shards,
            Clock clock) {
        this.intake = intake;
        this.processedEvents = processedEvents;
        this.ledger = ledger;
        this.evaluator = evaluator;
        this.effects = effects;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.transactions = transactions;
        this.metrics = metrics;
        this.parkedEvents = parkedEvents;
        this.learners = learners;
        this.shards = shards;
        this.clock = clock;
    }

    public BatchResult process(List<ConsumedRecord> records) {
        long started = System.nanoTime();
        List<Intake> intakes = intake.of(records);
        LearnerShards.Applied<BatchResult> applied = shards.applyEach(shards.split(intakes), this::applyPart);
        BatchResult result = applied.results().stream().reduce(BatchResult.EMPTY, BatchResult::plus);
        if (applied.failure() != null) {
            // The parts that committed are announced; the batch is consumed again, and they are duplicates then.
            afterCommit(result);
            throw applied.failure();
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

    /**
     * Applies a batch (or one learner's part of it) in one transaction; when that fails for a reason other than
     * the database being unreachable, event by event.
     */
    private BatchResult applyPart(List<Intake> intakes) {
        try {
            return transactions.execute(status -> apply(intakes));
        } catch (RuntimeException e) {
            if (databaseUnreachable(e)) {
                throw e;
            }
            log.warn(
                    "A batch of {} learning events failed ({}); applying them one by one",
                    intakes.size(),
                    e.toString());
            return applyOneByOne(intakes);
        }
    }

    /**
     * Evaluates parked events whose learner can now be mapped, and takes them out of the parked events in the same
     * transaction; one that still cannot be mapped stays parked. A failure leaves them all parked.
     */
    BatchResult applyReleased(List<ParkedEvent> released) {
        List<Intake> intakes =
                intake.of(released.stream().map(ParkedEvent::record).toList());
        BatchResult result = transactions.execute(status -> {
            BatchResult applied = apply(intakes);
            parkedEvents.remove(intakes.stream()
                    .filter(each -> !(each instanceof Intake.Parked))
                    .map(Intake::dedupKey)
                    .toList());
            return applied;
        });
        afterCommit(result);
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
        VoidTargets voids = VoidTargets.of(fresh.values(), ledger, processedEvents);
        Set<String> learnerIds = new LinkedHashSet<>(voids.owners().values());
        fresh.values().stream()
                .filter(Intake.Usable.class::isInstance)
                .forEach(each -> learnerIds.add(((Intake.Usable) each).learnerId()));
        Map<String, LearnerProgress> progress = learners.progressForEvents(
                learnerIds,
                fresh.values().stream()
                        .filter(Intake.Usable.class::isInstance)
                        .map(each -> each.event().getObjectId())
                        .collect(Collectors.toSet()),
                fresh.values().stream().anyMatch(Intake.Voiding.class::isInstance));

        Batch batch = new Batch();
        for (Intake each : fresh.values()) {
            if (each instanceof Intake.Usable usable) {
                if (batch.voidedEarly.contains(usable.dedupKey())) {
                    continue; // its void came first in this batch, which logged it as VOIDED
                }
                LearnerProgress learner = progress.get(usable.learnerId());
                learner.knowSisPersonId(usable.sisPersonId());
                CredentialEvaluator.Outcome outcome = evaluator.apply(usable.event(), learner);
                outcome.fact()
                        .ifPresentOrElse(
                                fact -> batch.facts.put(fact.eventId(), fact),
                                () -> batch.processed.add(new ProcessedEvent(usable.dedupKey(), Outcome.ACCEPTED)));
                batch.effects.addAll(outcome.effects());
            } else if (each instanceof Intake.Voiding voiding) {
                batch.processed.add(new ProcessedEvent(voiding.dedupKey(), Outcome.ACCEPTED));
                applyVoid(voiding, voids, progress, batch);
            } else if (each instanceof Intake.Parked parked) {
                // Not logged as processed: when its mapping arrives the same event is evaluated, not skipped.
                batch.parked.add(ParkedEvent.of(
                        parked.record(),
                        parked.dedupKey(),
                        parked.event().getSource(),
                        parked.event().getLearnerIds(),
                        parked.reason(),
                        now));
            } else if (each instanceof Intake.Unusable bad) {
                batch.unusable.add(DeadLetterEntry.ofRecord(
                        bad.record(),
                        bad.event() == null ? null : bad.dedupKey(),
                        bad.source(),
                        bad.reason(),
                        bad.errorType(),
                        now));
                batch.processed.add(new ProcessedEvent(each.dedupKey(), Outcome.DEAD_LETTERED));
            }
            batch.handled.add(each.dedupKey());
        }
        processedEvents.record(batch.processed, now);
        ledger.forgetFacts(batch.forgotten);
        ledger.recordFacts(batch.facts.values());
        AwardEffects.Written written = effects.write(batch.effects, now);
        deadLetters.record(batch.unusable);
        parkedEvents.park(batch.parked);
        return new BatchResult(
                intakes.size(),
                intakes.size() - fresh.size(),
                written.issued(),
                batch.unusable.size(),
                written.revoked().stream()
                        .map(ended -> ended.award().credentialId())
                        .toList());
    }

    /**
     * A void withdraws its event's fact from the learner who has it (stored earlier, or recorded earlier in this
     * batch). A void that comes before its event is logged under the event's id, so the event is skipped when it
     * arrives: the same outcome in either order.
     */
    private void applyVoid(
            Intake.Voiding voiding, VoidTargets voids, Map<String, LearnerProgress> learners, Batch batch) {
        String target = voiding.voidedEventId();
        LearnerFact inBatch = batch.facts.get(target);
        String owner = inBatch != null ? inBatch.learnerId() : voids.owners().get(target);
        if (owner != null) {
            batch.effects.addAll(evaluator.withdraw(target, voiding.event(), learners.get(owner)));
            if (batch.facts.remove(target) == null) {
                batch.forgotten.add(target);
            }
            if (!voids.logged().contains(target)) {
                batch.processed.add(new ProcessedEvent(target, Outcome.VOIDED));
            }
        } else if (!voids.logged().contains(target)
                && !batch.handled.contains(target)
                && batch.voidedEarly.add(target)) {
            batch.processed.add(new ProcessedEvent(target, Outcome.VOIDED));
        }
    }

    /** What applying a batch decided, to be written at its end. */
    private static final class Batch {
        final List<ProcessedEvent> processed = new ArrayList<>();
        final Map<String, LearnerFact> facts = new LinkedHashMap<>();
        final List<String> forgotten = new ArrayList<>();
        final List<AwardEffect> effects = new ArrayList<>();
        final List<DeadLetterEntry> unusable = new ArrayList<>();
        final List<ParkedEvent> parked = new ArrayList<>();
        final Set<String> handled = new HashSet<>();
        final Set<String> voidedEarly = new HashSet<>();
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
