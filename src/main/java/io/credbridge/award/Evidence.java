package io.credbridge.award;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What shows that a learner meets a criterion: the learning events, in the order of the criteria they meet,
 * and when the last of them happened (the moment the criterion became met).
 *
 * @param grade the score of the attempt that counted, when the evidence is one assessment's; null otherwise, and
 *     when several assessments' evidence was combined (none of them is "the" grade then)
 */
record Evidence(List<String> eventIds, Instant earnedAt, GradeAchieved grade) {

    Evidence {
        eventIds = List.copyOf(eventIds);
    }

    Evidence(List<String> eventIds, Instant earnedAt) {
        this(eventIds, earnedAt, null);
    }

    static Evidence of(String eventId, Instant occurredAt) {
        return new Evidence(List.of(eventId), occurredAt);
    }

    Evidence withGrade(GradeAchieved grade) {
        return new Evidence(eventIds, earnedAt, grade);
    }

    /** All the parts together: their events once each, met when the last part was met. */
    static Evidence combine(List<Evidence> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no evidence to combine");
        }
        // Loops, not streams: every group of every credential judged for every event combines its parts.
        LinkedHashSet<String> events = new LinkedHashSet<>();
        Set<GradeAchieved> grades = new HashSet<>();
        Instant earnedAt = parts.get(0).earnedAt();
        for (Evidence part : parts) {
            events.addAll(part.eventIds());
            if (part.earnedAt().isAfter(earnedAt)) {
                earnedAt = part.earnedAt();
            }
            if (part.grade() != null) {
                grades.add(part.grade());
            }
        }
        return new Evidence(
                List.copyOf(events),
                earnedAt,
                grades.size() == 1 ? grades.iterator().next() : null);
    }
}
