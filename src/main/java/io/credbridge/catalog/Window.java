package io.credbridge.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When events count for a requirement: between two dates (UTC, both days included), or in a named {@code term}
 * whose dates are configured once ({@code credbridge.catalog.terms}) and filled in when the catalog is read.
 * Either end of a date range may be left open. An event counts by when the learner did it (its occurred-at),
 * not when it arrived.
 */
public record Window(LocalDate from, LocalDate to, String term) {

    public Window(LocalDate from, LocalDate to) {
        this(from, to, null);
    }

    public boolean contains(Instant occurredAt) {
        return (from == null
                        || !occurredAt.isBefore(
                                from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                && (to == null
                        || occurredAt.isBefore(
                                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    Optional<String> problem() {
        // A term's dates are filled in when the catalog is read, so only a window given by dates can lack both.
        if (from == null && to == null) {
            return Optional.of("must give 'from', 'to' or both (dates, e.g. 2026-09-01), or a 'term'");
        }
        if (from != null && to != null && to.isBefore(from)) {
            return Optional.of("ends (" + to + ") before it starts (" + from + ")");
        }
        return Optional.empty();
    }

    public String words() {
        String dates = from == null ? "by " + to : to == null ? "from " + from : "between " + from + " and " + to;
        return term == null ? dates : "in the term " + term + ", " + dates;
    }
}
