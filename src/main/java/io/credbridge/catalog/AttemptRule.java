package io.credbridge.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which of a learner's attempts at an assessment counts: {@code best} (any attempt that meets the condition),
 * {@code latest} or {@code first} (by when the attempt was made, not when its event arrived). A regrade of an
 * attempt (a later event with the same attempt id) replaces that attempt's result.
 */
public enum AttemptRule {
    BEST,
    LATEST,
    FIRST;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AttemptRule of(String code) {
        return Arrays.stream(values())
                .filter(rule -> rule.code().equals(code))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("attempt must be best, latest or first, was '" + code + "'"));
    }
}
