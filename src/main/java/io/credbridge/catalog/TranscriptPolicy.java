package io.credbridge.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a credential's awards reach the transcript: {@code auto} (written to the SIS as they happen, the
 * default), {@code review} (each entry waits for a registrar to approve it) or {@code never} (the badge is issued,
 * the transcript is left alone). Registrars will not transcript microcredentials without such a policy.
 */
public enum TranscriptPolicy {
    AUTO,
    REVIEW,
    NEVER;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static TranscriptPolicy of(String code) {
        return Arrays.stream(values())
                .filter(policy -> policy.code().equals(code))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("transcript must be auto, review or never, was '" + code + "'"));
    }
}
