package io.credbridge.award;

import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxEvent;
import java.time.Instant;
import java.util.List;

/** The outbox rows one change of an award writes: one for the SIS, one for the badge topic. */
final class AwardOutbox {

    private AwardOutbox() {}

    static List<OutboxEvent> eventsFor(AwardChange change, Instant now) {
        String payload = change.toJson();
        return List.of(Destination.TRANSCRIPT, Destination.BADGE).stream()
                .map(destination ->
                        OutboxEvent.of(destination, "award", change.awardId(), change.eventType(), payload, now))
                .toList();
    }
}
