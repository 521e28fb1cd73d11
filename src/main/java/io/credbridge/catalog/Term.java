package io.credbridge.catalog;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** A named stretch of the academic calendar, e.g. {@code fall-2026}: its first and last day (UTC), both included. */
public record Term(
        @NotNull(message = "must give the term's first day, e.g. 2026-09-01") @DateTimeFormat(iso = ISO.DATE)
        LocalDate from,

        @NotNull(message = "must give the term's last day, e.g. 2026-12-20") @DateTimeFormat(iso = ISO.DATE)
        LocalDate to) {

    @AssertTrue(message = "must end ('to') on or after the day it starts ('from')")
    boolean isOrdered() {
        return from == null || to == null || !to.isBefore(from);
    }
}
