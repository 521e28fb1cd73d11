package io.credbridge.transcript;

import io.credbridge.ops.LearnerRef;
import io.credbridge.ops.PersonalData;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Sorts a SIS's answer to a write into written, retry later, or refused for good. Retrying helps when the SIS is
 * down or busy (5xx, 408, 429), when another writer holds the record (409, or Ethos/Colleague's 400 with a
 * {@code *.Locked} code) and when our credentials were refused (401, 403: an administrator fixes them, and the
 * entries must then go through); every other 4xx is the SIS judging the entry itself, which retrying does not
 * change.
 *
 * <p>What the SIS said goes into exception messages that are logged, kept in the review queue and in dead-letter
 * reasons, and a SIS often echoes the learner (an e-mail address, a student number): those are hidden as
 * CredBridge's own messages hide them ({@link PersonalData}), the status and the rest of the text kept.
 */
public final class SisResponses {

    private final String target;
    private final Clock clock;

    public SisResponses(String target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    /**
     * Returns when the SIS took the entry (2xx); throws {@link TransientSisFailure} or {@link PermanentSisRejection}.
     *
     * @param about the learners the call is about, whose ids are hidden where the SIS's text quotes them
     */
    public void check(String entryKey, HttpResponse<String> response, List<LearnerRef> about) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        List<SisError> errors = SisError.from(response.body());
        String said = PersonalData.mask(SisError.describe(errors), about);
        if (isTransient(status, errors)) {
            throw new TransientSisFailure(
                    target + " answered HTTP " + status + " for " + entryKey + ": " + said, retryAfter(response), null);
        }
        String code = errors.isEmpty() ? null : PersonalData.mask(errors.get(0).code(), about);
        throw new PermanentSisRejection(target, entryKey, status, code, said);
    }

    private static boolean isTransient(int status, List<SisError> errors) {
        if (status >= 500 || status == 408 || status == 429 || status == 409 || status == 401 || status == 403) {
            return true;
        }
        return status == 400 && errors.stream().anyMatch(SisResponses::isRecordLock);
    }

    /** Colleague reports a record another process holds as 400 {@code Course.Locked} ("record lock") and kin. */
    private static boolean isRecordLock(SisError error) {
        String code = error.code() == null ? "" : error.code().toLowerCase(Locale.ROOT);
        String message = error.message() == null ? "" : error.message().toLowerCase(Locale.ROOT);
        return code.endsWith(".locked") || code.contains("record.lock") || message.contains("record is locked");
    }

    /** {@code Retry-After} as seconds or as an HTTP date; zero when absent or unreadable. */
    Duration retryAfter(HttpResponse<String> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        if (value.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return Duration.ZERO;
            }
        }
    }
}
