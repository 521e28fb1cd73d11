package io.credbridge.identity;

import io.credbridge.kafka.ConsumedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Parked events for tests: a learning-events record whose payload names the event, so it can be told apart. */
final class ParkedEventFixtures {

    private ParkedEventFixtures() {}

    static ParkedEvent parkedEvent(String eventId, String reason, Instant at, LearnerMappingKey... identifiers) {
        return ParkedEvent.of(
                new ConsumedRecord(
                        "credbridge.learning-events.v1",
                        3,
                        42,
                        identifiers[0].value(),
                        ("avro bytes of " + eventId).getBytes(StandardCharsets.UTF_8)),
                eventId,
                "xapi",
                List.of(identifiers).stream()
                        .map(LearnerMappingKey::toIdentifier)
                        .toList(),
                reason,
                at);
    }
}
