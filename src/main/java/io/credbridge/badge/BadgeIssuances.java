package io.credbridge.badge;

import io.credbridge.avro.BadgeIssuance;
import io.credbridge.award.AwardChange;
import io.credbridge.kafka.CloudEventHeaders;
import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.kafka.OutgoingRecord;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The badge route's beans: outbox events become BadgeIssuance records keyed by learner, with the outbox event id
 * as both {@code issuanceId} and CloudEvents id (stable across redeliveries), and what Kafka acknowledged is
 * counted with its event-to-badge latency.
 */
public final class BadgeIssuances {

    private final SecuredCredentials credentials;
    private final CloudEventsProperties cloudEvents;
    private final CredBridgeMetrics metrics;
    private final Clock clock;
    private final IssuanceMapping mapping;
    private final BadgeIssuanceEncoding encoding;

    /** Without the learner's e-mail address and in the registry-free encoding, the defaults. */
    BadgeIssuances(
            SecuredCredentials credentials, CloudEventsProperties cloudEvents, CredBridgeMetrics metrics, Clock clock) {
        this(
                credentials,
                cloudEvents,
                new BadgeIssuanceProperties(false),
                metrics,
                clock,
                BadgeIssuanceEncoding.singleObject());
    }

    BadgeIssuances(
            SecuredCredentials credentials,
            CloudEventsProperties cloudEvents,
            BadgeIssuanceProperties issuance,
            CredBridgeMetrics metrics,
            Clock clock,
            BadgeIssuanceEncoding encoding) {
        this.credentials = credentials;
        this.cloudEvents = cloudEvents;
        this.metrics = metrics;
        this.clock = clock;
        this.mapping = new IssuanceMapping(issuance.learnerEmail());
        this.encoding = encoding;
    }

    public List<OutgoingRecord> toRecords(List<OutboxEvent> events) {
        return events.stream().map(this::toRecord).toList();
    }

    /** Counts what Kafka acknowledged; the route calls it after the send returned. */
    public void published(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            AwardChange award = AwardChange.fromJson(event.payload());
            if (award.action() == AwardChange.Action.ISSUED) {
                Duration latency = Duration.between(award.eventReceivedAt(), clock.instant());
                metrics.badgePublished(
                        award.source(), award.credentialId(), latency.isNegative() ? Duration.ZERO : latency);
            } else {
                metrics.badgeChangePublished(award.source(), award.credentialId());
            }
        }
    }

    private OutgoingRecord toRecord(OutboxEvent event) {
        AwardChange award = AwardChange.fromJson(event.payload());
        SecuredCredential credential = credentials.of(award);
        BadgeIssuance issuance = mapping.of(event.eventId(), award, credential);
        return new OutgoingRecord(
                award.learnerId(),
                encoding.encode(issuance),
                CloudEventHeaders.of(
                        event.eventId(), typeOf(award.action()), cloudEvents.sourceOf("badge"), award.changedAt()));
    }

    /** The CloudEvents type says what happened, so subscribers can route without decoding. */
    static String typeOf(AwardChange.Action action) {
        return "io.credbridge.badge." + action.name().toLowerCase(java.util.Locale.ROOT) + ".v1";
    }
}
