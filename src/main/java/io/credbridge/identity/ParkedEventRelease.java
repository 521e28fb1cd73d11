package io.credbridge.identity;

import io.credbridge.ops.CredBridgeMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands parked events whose learner can now be mapped to the {@link ParkedEventHandler} (the award stage), a chunk
 * at a time. It runs after mappings are committed, so the handler sees them. A chunk the handler fails on stays
 * parked and is logged; nothing is ever dropped. Without a handler bean the events stay parked.
 */
@Component
class ParkedEventRelease {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventRelease.class);

    /** Events per handler call: one award-stage transaction each, small enough for one failure to cost little. */
    static final int CHUNK = 200;

    private final ParkedEvents parked;
    private final LearnerIdentities identities;
    private final ObjectProvider<ParkedEventHandler> handlers;
    private final CredBridgeMetrics metrics;
    // One release at a time in this instance: two would hand the same events to the handler twice.
    private final ReentrantLock releasing = new ReentrantLock();

    ParkedEventRelease(
            ParkedEvents parked,
            LearnerIdentities identities,
            ObjectProvider<ParkedEventHandler> handlers,
            CredBridgeMetrics metrics) {
        this.parked = parked;
        this.identities = identities;
        this.handlers = handlers;
        this.metrics = metrics;
        metrics.parkedEvents(parked::count);
    }

    /**
     * Releases the parked events that carry any of the newly mapped identifiers.
     *
     * @return how many events left the parked events
     */
    int releaseMatching(Collection<LearnerMappingKey> mapped) {
        if (mapped.isEmpty()) {
            return 0;
        }
        releasing.lock();
        try {
            List<ParkedEvent> matching = parked.matching(mapped);
            int released = 0;
            for (int from = 0; from < matching.size(); from += CHUNK) {
                released += hand(matching.subList(from, Math.min(matching.size(), from + CHUNK)));
            }
            return released;
        } finally {
            releasing.unlock();
        }
    }

    /** The scheduled release (routes/identity-release): nothing to do, and nothing read but a count, when none wait. */
    public int sweep() {
        return parked.count() == 0 ? 0 : releaseAllMappable();
    }

    /**
     * Releases every parked event whose learner can be mapped now, by the mapping table or the SIS lookup: the
     * retry after a handler failure, or after a mapping arrived some other way.
     *
     * @return how many events left the parked events
     */
    int releaseAllMappable() {
        releasing.lock();
        try {
            int released = 0;
            String after = null;
            List<ParkedEvent> page;
            do {
                // Paged by event id, which the handler's deletions cannot shift.
                page = parked.page(after, CHUNK);
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).eventId();
                    released += hand(mappable(page));
                }
            } while (page.size() == CHUNK);
            return released;
        } finally {
            releasing.unlock();
        }
    }

    private List<ParkedEvent> mappable(List<ParkedEvent> page) {
        List<LearnerIdentities.Resolution> resolutions = identities.resolveAll(
                page.stream().map(ParkedEvent::learnerIdentifiers).toList());
        List<ParkedEvent> mappable = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (resolutions.get(i) instanceof LearnerIdentities.Resolution.Resolved) {
                mappable.add(page.get(i));
            }
        }
        return mappable;
    }

    private int hand(List<ParkedEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        ParkedEventHandler handler = handlers.getIfAvailable();
        if (handler == null) {
            log.info(
                    "{} parked event(s) can be mapped now, but nothing evaluates them (no ParkedEventHandler);"
                            + " they stay parked",
                    events.size());
            return 0;
        }
        List<String> ids = events.stream().map(ParkedEvent::eventId).toList();
        try {
            handler.reevaluate(List.copyOf(events));
        } catch (RuntimeException e) {
            log.warn("Evaluating {} released parked event(s) failed; they stay parked", events.size(), e);
            return 0;
        }
        // Counted from the table: the handler may leave an event parked that still cannot be mapped.
        int released = ids.size() - parked.parked(ids).size();
        metrics.identityReleased(released);
        return released;
    }
}
