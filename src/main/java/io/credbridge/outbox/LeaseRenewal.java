package io.credbridge.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the leases of the batches being delivered from running out while their destination is slow (a SIS taking
 * its time over a hundred entries): every third of the lease, each leased event is leased again from now. A relay
 * that dies stops renewing, so its batch is due again one lease after the last renewal and another relay, or this
 * one restarted, delivers it.
 */
final class LeaseRenewal {

    private static final Logger log = LoggerFactory.getLogger(LeaseRenewal.class);

    private final OutboxStore store;
    private final Duration lease;
    private final Clock clock;
    private final Set<String> leased = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    LeaseRenewal(OutboxStore store, Duration lease, Clock clock) {
        this.store = store;
        this.lease = lease;
        this.clock = clock;
    }

    synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "credbridge-outbox-lease");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, lease.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    void hold(List<String> eventIds) {
        leased.addAll(eventIds);
    }

    void release(List<String> eventIds) {
        eventIds.forEach(leased::remove);
    }

    void renew() {
        List<String> ids = List.copyOf(leased);
        if (ids.isEmpty()) {
            return;
        }
        try {
            store.lease(ids, clock.instant().plus(lease));
        } catch (RuntimeException e) {
            // The next renewal tries again; if none succeeds in time, another relay may deliver the batch as well,
            // which every destination takes as the same delivery (same event ids, idempotent SIS writes).
            log.warn("Could not renew the lease of {} outbox event(s) being delivered: {}", ids.size(), e.toString());
        }
    }
}
