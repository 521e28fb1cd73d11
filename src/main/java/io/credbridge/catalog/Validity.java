package io.credbridge.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long an award of a credential holds: {@code expiresAfter} an ISO 8601 period or duration counted from when
 * it was earned (e.g. {@code P2Y}, {@code P90D}, {@code PT12H}), or until the fixed instant {@code expiresAt}.
 * A definition without validity never expires.
 */
public record Validity(String expiresAfter, Instant expiresAt) {

    /** When an award earned at {@code earnedAt} stops holding. */
    public Instant expiryFor(Instant earnedAt) {
        if (expiresAt != null) {
            return expiresAt;
        }
        return parse(expiresAfter)
                .map(amount -> amount instanceof Period period
                        ? utc(earnedAt).plus(period).toInstant(ZoneOffset.UTC)
                        : earnedAt.plus((Duration) amount))
                .orElseThrow(() -> new IllegalStateException("validity has neither expiresAfter nor expiresAt"));
    }

    /**
     * The earliest an award can have been earned and still hold at {@code now}: facts older than the validity
     * cannot earn an award, because it would have expired already (an award stops holding the instant it
     * expires; event times are in milliseconds). Empty for a fixed expiry date.
     */
    public Optional<Instant> earliestEarnedAtHoldingAt(Instant now) {
        return parse(expiresAfter)
                .map(amount -> amount instanceof Period period
                        ? utc(now).minus(period).toInstant(ZoneOffset.UTC)
                        : now.minus((Duration) amount))
                .map(expiredExactlyNow -> expiredExactlyNow.plusMillis(1));
    }

    /**
     * The instant as a UTC date and time, for calendar arithmetic. Not {@code atOffset(UTC)}: on Java 17 that builds
     * the offset's zone rules on every call, and every award and every judged window asks for an expiry.
     */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    }

    /**
     * The amounts parsed so far, by their text. Every award and every judged window asks for its definition's
     * validity, and parsing it each time (a regular expression, an exception for a duration) was 2% of the award
     * stage's CPU; a catalog writes only a handful of different amounts. Bounded, because dry-run drafts come from
     * requests.
     */
    private static final Map<String, Optional<Object>> PARSED = new ConcurrentHashMap<>();

    /** A period (years, months, days) or a duration (hours and less), as ISO 8601 writes them. */
    static Optional<Object> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Object> known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        Optional<Object> amount = parseAmount(text);
        if (PARSED.size() < 1_000) {
            PARSED.put(text, amount);
        }
        return amount;
    }

    private static Optional<Object> parseAmount(String text) {
        try {
            return Optional.of(Period.parse(text));
        } catch (DateTimeParseException notAPeriod) {
            try {
                return Optional.of(Duration.parse(text));
            } catch (DateTimeParseException notADuration) {
                return Optional.empty();
            }
        }
    }

    /** What is wrong with it, if anything: exactly one of the two, and a positive, readable amount. */
    Optional<String> problem() {
        if ((expiresAfter == null) == (expiresAt == null)) {
            return Optional.of("must give either expiresAfter (e.g. P2Y) or expiresAt (e.g. 2027-06-30T00:00:00Z)");
        }
        if (expiresAfter != null) {
            Optional<Object> amount = parse(expiresAfter);
            boolean positive = amount.map(value -> value instanceof Period period
                            ? !period.isNegative() && !period.isZero()
                            : !((Duration) value).isNegative() && !((Duration) value).isZero())
                    .orElse(false);
            if (!positive) {
                return Optional.of("expiresAfter must be a positive ISO 8601 period or duration such as P2Y, P90D or"
                        + " PT12H (was '" + expiresAfter + "')");
            }
        }
        return Optional.empty();
    }
}
