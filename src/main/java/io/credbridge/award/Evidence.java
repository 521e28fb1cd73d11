package io.credbridge.award;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What shows that a learner meets a criterion: the learning events, in the order of the criteria they meet,
 * and when the last of them happened (the moment the criterion became met).
 */
record Evidence(List<String> eventIds, Instant earnedAt) {

    Evidence {
        eventIds = List.copyOf(eventIds);
    }

    static Evidence of(String eventId, Instant occurredAt) {
        return new Evidence(List.of(eventId), occurredAt);
    }

    /** All the parts together: their events once each, met when the last part was met. */
    static Evidence combine(List<Evidence> parts) {
        LinkedHashSet<String> events = new LinkedHashSet<>();
        parts.forEach(part -> events.addAll(part.eventIds()));
        Instant earnedAt = parts.stream()
                .map(Evidence::earnedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("no evidence to combine"));
        return new Evidence(List.copyOf(events), earnedAt);
    }
}
