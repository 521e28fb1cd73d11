package io.credbridge.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When events count for a requirement: between two dates (UTC, both days included), e.g. a term. Either end may
 * be left open. An event counts by when the learner did it (its occurred-at), not when it arrived.
 */
public record Window(LocalDate from, LocalDate to) {

    public boolean contains(Instant occurredAt) {
        return (from == null || !occurredAt.isBefore(start()))
                && (to == null
                        || occurredAt.isBefore(
                                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Optional<String> problem() {
        if (from == null && to == null) {
            return Optional.of("must give 'from', 'to' or both (dates, e.g. 2026-09-01)");
        }
        if (from != null && to != null && to.isBefore(from)) {
            return Optional.of("ends (" + to + ") before it starts (" + from + ")");
        }
        return Optional.empty();
    }

    public String words() {
        if (from == null) {
            return "by " + to;
        }
        return to == null ? "from " + from : "between " + from + " and " + to;
    }
}
