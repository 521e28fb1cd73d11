package io.credbridge.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which score a threshold is compared with: the {@code scaled} score (0..1, independent of how each LMS counts
 * points; the default) or the {@code raw} score in the assessment's own points.
 */
public enum ScoreScale {
    SCALED,
    RAW;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ScoreScale of(String code) {
        return Arrays.stream(values())
                .filter(scale -> scale.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("scale must be scaled or raw, was '" + code + "'"));
    }
}
