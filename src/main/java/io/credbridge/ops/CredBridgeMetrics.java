package io.credbridge.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every CredBridge meter, named {@code credbridge.*} and tagged by source (the ingest channel) and, where one is
 * known, credential. Kept in one place so the README's metric table has one source of truth.
 */
@Component
public class CredBridgeMetrics {

    private final MeterRegistry registry;

    public CredBridgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String source, int count) {
        counter("credbridge.events.received", "Valid events accepted from a source", "source", source)
                .increment(count);
    }

    public void rejected(String source, int count) {
        counter("credbridge.events.rejected", "Events refused as invalid (the sender got a 4xx)", "source", source)
                .increment(count);
    }

    public void ignored(String source, int count) {
        counter("credbridge.events.ignored", "Valid events CredBridge does not act on", "source", source)
                .increment(count);
    }

    /**
     * One event of a source that names its events (e.g. Canvas's {@code grade_change}), by what became of it:
     * {@code received} (valid, answered 2xx), {@code ignored} (received, but nothing CredBridge acts on) or {@code
     * rejected} (answered 4xx).
     */
    public void sourceEvent(String source, String eventName, String outcome) {
        counter(
                        "credbridge.source.events",
                        "Events by source, event name and outcome (received, ignored, rejected)",
                        "source",
                        source,
                        "event",
                        eventName,
                        "outcome",
                        outcome)
                .increment();
    }

    /**
     * Messages of a queue a source delivers to (Canvas Live Events over SQS), by what became of them: {@code
     * received} (each receive, redeliveries too), {@code published}, {@code ignored} or {@code dead-lettered} (after
     * Kafka acknowledged their batch), {@code deleted} from the queue, or {@code returned} to it because their batch
     * could not be published.
     */
    public void queueMessages(String source, String outcome, int count) {
        counter(
                        "credbridge.queue.messages",
                        "Queued messages by source and outcome (received, published, ignored, dead-lettered, deleted,"
                                + " returned)",
                        "source",
                        source,
                        "outcome",
                        outcome)
                .increment(count);
    }

    public void awarded(String source, String credential) {
        counter("credbridge.awards", "Credentials awarded", "source", source, "credential", credential)
                .increment();
    }

    /** An award ended: {@code action} is REVOKED or EXPIRED. */
    public void awardChanged(String action, String credential) {
        counter(
                        "credbridge.award.changes",
                        "Awards that ended, by what ended them",
                        "action",
                        action,
                        "credential",
                        credential)
                .increment();
    }

    public void transcriptRowWritten(String target, String source, String credential) {
        counter(
                        "credbridge.transcript.rows",
                        "Transcript entries written to the SIS",
                        "target",
                        target,
                        "source",
                        source,
                        "credential",
                        credential)
                .increment();
    }

    /** An issued award's badge event acknowledged by Kafka, and how long it took from its learning event. */
    public void badgePublished(String source, String credential, Duration sinceEventReceived) {
        badgeChangePublished(source, credential);
        Timer.builder("credbridge.event.to.badge.latency")
                .description("From the learning event's arrival to its badge event's acknowledgement by Kafka")
                .tags("source", source, "credential", credential)
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceEventReceived);
    }

    /** Any badge event acknowledged by Kafka; a revocation or expiry has no learning event to measure from. */
    public void badgeChangePublished(String source, String credential) {
        counter(
                        "credbridge.badge.events",
                        "Badge issuance events published",
                        "source",
                        source,
                        "credential",
                        credential)
                .increment();
    }

    public void deadLettered(String stage, String source) {
        counter(
                        "credbridge.dead.letters",
                        "Events or deliveries moved to the dead-letter store",
                        "stage",
                        stage,
                        "source",
                        source)
                .increment();
    }

    /** Events parked because their learner has no SIS person id yet (committed parks only). */
    public void identityParked(int count) {
        counter("credbridge.identity.events.parked", "Events parked until their learner's SIS person id is known")
                .increment(count);
    }

    /** Parked events that left the parked events after a mapping made their learner known. */
    public void identityReleased(int count) {
        counter("credbridge.identity.events.released", "Parked events evaluated again once their learner was mapped")
                .increment(count);
    }

    /**
     * What waits in the outbox for a destination, asked at every scrape: how many events, and how long the oldest
     * has waited (0 when none). Outages are retried without limit, so this is where a long one shows.
     */
    public void outboxBacklog(String destination, Supplier<Number> events, Supplier<Number> oldestAgeSeconds) {
        Gauge.builder("credbridge.outbox.waiting.events", events)
                .description("Events in the outbox waiting for delivery, by destination")
                .tag("destination", destination)
                .register(registry);
        Gauge.builder("credbridge.outbox.oldest.age", oldestAgeSeconds)
                .description("How long the oldest event waiting for delivery has waited, by destination")
                .baseUnit("seconds")
                .tag("destination", destination)
                .register(registry);
    }

    /** @param count reads how many events are parked now; it is asked at every scrape */
    public void parkedEvents(Supplier<Number> count) {
        Gauge.builder("credbridge.identity.parked.events", count)
                .description("Events waiting for their learner's SIS person id")
                .register(registry);
    }

    /** @param count reads how many entries of the review queue are in the status now; asked at every scrape */
    public void transcriptReviewEntries(String status, Supplier<Number> count) {
        Gauge.builder("credbridge.transcript.review.entries", count)
                .description("Transcript entries in the registrar's review queue, by status")
                .tag("status", status)
                .register(registry);
    }

    /** Entries delivered in import files, by what the SIS's acknowledgement files said: SENT (no word yet). */
    public void transcriptAcknowledgements(String status, Supplier<Number> count) {
        Gauge.builder("credbridge.transcript.acknowledgements", count)
                .description("Transcript entries delivered in import files, by acknowledgement status")
                .tag("status", status)
                .register(registry);
    }

    /**
     * What the last full reconciliation of a SIS target found: entries {@code missing} from the SIS, {@code extra}
     * records, {@code mismatched} ones.
     */
    public void transcriptReconciliation(String target, String kind, Supplier<Number> count) {
        Gauge.builder("credbridge.transcript.reconciliation." + kind, count)
                .description("Transcript entries the last reconciliation found " + kind + " in the SIS")
                .tag("target", target)
                .register(registry);
    }

    /**
     * The state of a SIS target's circuit breaker: 0 closed (calls go through), 1 open (deliveries fail fast and
     * are retried later), 2 half-open (a few trial calls go through).
     */
    public void sisBreakerState(String target, Supplier<Number> state) {
        Gauge.builder("credbridge.transcript.breaker.state", state)
                .description("SIS circuit breaker: 0 closed, 1 open, 2 half-open")
                .tag("target", target)
                .register(registry);
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
