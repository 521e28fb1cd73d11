package io.credbridge.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox events, one worker thread per destination. A worker runs as soon as it is woken (the award
 * stage wakes it right after each commit) and otherwise every {@code pollInterval}, which picks up retries and
 * events left by a crash.
 *
 * <p>A batch is claimed and leased in one short transaction, delivered with no transaction open (a SIS that takes
 * seconds per entry holds no connection's transaction, row locks or snapshot meanwhile), and forgotten in a second
 * short transaction together with the writes the destination left ({@link DeliveryEffects}). The lease keeps other
 * relays off the batch while it is delivered and is renewed while that lasts ({@link LeaseRenewal}); a crash
 * mid-way leaves the events pending, due again when the lease runs out, and they are delivered again with the same
 * ids. A later change of an award waits behind a leased earlier one, as behind any pending one.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final TransactionTemplate transactions;
    private final Map<Destination, OutboxDelivery> deliveries;
    private final FailedDeliveries failedDeliveries;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Map<Destination, BlockingQueue<Boolean>> wakeUps = new EnumMap<>(Destination.class);
    private final Map<Destination, Thread> workers = new EnumMap<>(Destination.class);
    private final LeaseRenewal leases;
    private volatile boolean running;

    public OutboxRelay(
            OutboxStore store,
            TransactionTemplate transactions,
            Map<Destination, OutboxDelivery> deliveries,
            FailedDeliveries failedDeliveries,
            OutboxProperties properties,
            Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.deliveries = new EnumMap<>(deliveries);
        this.failedDeliveries = failedDeliveries;
        this.properties = properties;
        this.clock = clock;
        this.deliveries.keySet().forEach(destination -> wakeUps.put(destination, new ArrayBlockingQueue<>(1)));
        this.leases = new LeaseRenewal(store, properties.lease(), clock);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        leases.start();
        deliveries.keySet().forEach(destination -> {
            Thread worker = new Thread(
                    () -> work(destination),
                    "credbridge-outbox-" + destination.name().toLowerCase());
            worker.setDaemon(true);
            workers.put(destination, worker);
            worker.start();
        });
    }

    public synchronized void stop() {
        running = false;
        wakeUp();
        workers.values().forEach(worker -> {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        workers.clear();
        leases.stop();
    }

    /** Asks every worker to look for due events now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.values().forEach(signal -> signal.offer(Boolean.TRUE));
    }

    /**
     * Claims and delivers one batch of due events for the destination; returns how many were claimed. An event
     * that failed before is delivered on its own, so one poison event cannot hold back the events behind it.
     */
    public int relayOnce(Destination destination) {
        List<OutboxEvent> batch = transactions.execute(status -> claim(destination));
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        List<String> ids = batch.stream().map(OutboxEvent::eventId).toList();
        leases.hold(ids);
        try {
            deliver(destination, batch, ids);
        } finally {
            leases.release(ids);
        }
        return batch.size();
    }

    private List<OutboxEvent> claim(Destination destination) {
        Instant now = clock.instant();
        store.releaseReady(destination, now);
        List<OutboxEvent> due = store.claimDue(destination, properties.batchSize(), now);
        if (due.isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> batch = List.copyOf(due.get(0).attempts() > 0 ? due.subList(0, 1) : due);
        store.lease(batch.stream().map(OutboxEvent::eventId).toList(), now.plus(properties.lease()));
        return batch;
    }

    private void deliver(Destination destination, List<OutboxEvent> batch, List<String> ids) {
        List<Runnable> effects = new ArrayList<>();
        try {
            DeliveryEffects.recordedDuring(deliveries.get(destination), batch, effects);
        } catch (Exception e) {
            PartialDelivery partial = causeOfType(e, PartialDelivery.class);
            if (partial == null) {
                transactions.executeWithoutResult(status -> failed(destination, batch, e));
                return;
            }
            List<OutboxEvent> notDelivered = batch.stream()
                    .filter(event -> !partial.deliveredEventIds().contains(event.eventId()))
                    .toList();
            Exception cause = partial.getCause() instanceof Exception failure ? failure : partial;
            transactions.executeWithoutResult(status -> {
                effects.forEach(Runnable::run);
                store.removeDelivered(partial.deliveredEventIds());
                failed(destination, notDelivered, cause);
            });
            return;
        }
        transactions.executeWithoutResult(status -> {
            effects.forEach(Runnable::run);
            store.removeDelivered(ids);
        });
    }

    private void failed(Destination destination, List<OutboxEvent> batch, Exception error) {
        String reason = describe(error);
        Instant now = clock.instant();
        boolean retriesForever = destination == Destination.DEAD_LETTER;
        // Only a refusal of a lone event is known to be that event's: in a batch, each is first retried alone.
        boolean refusedForGood = batch.size() == 1 && causeOfType(error, PermanentDeliveryFailure.class) != null;
        DeliveryDeferred deferred = causeOfType(error, DeliveryDeferred.class);
        Duration notBefore = deferred == null ? Duration.ZERO : deferred.retryAfter();
        // A destination that is away or asked to be called later (an open breaker, a 5xx, a timeout, 429; Kafka's
        // retriable errors, such as a send timing out while the brokers are down) is an outage, which only delays:
        // counting those attempts dead-lettered a SIS's whole backlog once its downtime outlasted the backoff (a
        // maintenance window of an hour and more). Other failures are given up in time.
        boolean outage = deferred != null || causeOfType(error, RetriableException.class) != null;
        List<OutboxEvent> givingUp = batch.stream()
                .filter(event -> !retriesForever
                        && (refusedForGood || (!outage && event.attempts() + 1 >= properties.maxAttempts())))
                .toList();
        batch.stream()
                .filter(event -> !givingUp.contains(event))
                .forEach(event -> store.scheduleRetry(
                        List.of(event.eventId()),
                        reason,
                        now.plus(later(
                                properties.retryDelay(
                                        event.attempts(),
                                        ThreadLocalRandom.current().nextDouble()),
                                notBefore))));
        if (!givingUp.isEmpty()) {
            store.markFailed(givingUp.stream().map(OutboxEvent::eventId).toList(), reason);
            failedDeliveries.gaveUp(
                    givingUp, reason, rootCause(error).getClass().getName());
        }
        log.warn(
                "Delivery of {} {} event(s) failed ({} given up): {}",
                batch.size(),
                destination,
                givingUp.size(),
                reason);
    }

    private void work(Destination destination) {
        BlockingQueue<Boolean> wakeUp = wakeUps.get(destination);
        while (running) {
            try {
                int claimed = relayOnce(destination);
                if (claimed < properties.batchSize()) {
                    wakeUp.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay for {} could not reach the database: {}", destination, describe(e));
                pause(wakeUp);
            }
        }
    }

    private void pause(BlockingQueue<Boolean> wakeUp) {
        try {
            wakeUp.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration later(Duration backoff, Duration asked) {
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    /** The first exception of the type in the cause chain (Camel wraps what a route's bean threw). */
    private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String describe(Throwable error) {
        // A destination that says what went wrong (the SIS's own message) is quoted rather than its I/O cause.
        Throwable told = causeOfType(error, PermanentDeliveryFailure.class);
        if (told == null) {
            told = causeOfType(error, DeliveryDeferred.class);
        }
        if (told != null && told.getMessage() != null) {
            return told.getMessage();
        }
        Throwable root = rootCause(error);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == error ? message : message + " (" + root.getClass().getSimpleName() + ")";
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
