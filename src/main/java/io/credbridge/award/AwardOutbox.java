package io.credbridge.award;

import io.credbridge.catalog.TranscriptPolicy;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxEvent;
import java.time.Instant;
import java.util.List;

/**
 * The outbox rows one change of an award writes: one for the SIS, one for the badge topic. A credential whose
 * transcript policy is {@code never} writes no SIS row at all (its badge still goes out); a {@code review} one does,
 * and the transcript route holds it for the registrar. A suspension and its end go to the badge topic only: the award
 * is still held, so the transcript has nothing to change.
 */
final class AwardOutbox {

    private AwardOutbox() {}

    static List<OutboxEvent> eventsFor(AwardChange change, Instant now) {
        String payload = change.toJson();
        List<Destination> destinations =
                change.transcript() == TranscriptPolicy.NEVER || change.action().isSuspension()
                        ? List.of(Destination.BADGE)
                        : List.of(Destination.TRANSCRIPT, Destination.BADGE);
        return destinations.stream()
                .map(destination ->
                        OutboxEvent.of(destination, "award", change.awardId(), change.eventType(), payload, now))
                .toList();
    }
}
