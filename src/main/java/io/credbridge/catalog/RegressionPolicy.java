package io.credbridge.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What happens to an award when evidence it rested on is withdrawn (a voided statement) and its criteria no
 * longer hold: {@code revoke} it (the default), or {@code keep} it as earned.
 */
public enum RegressionPolicy {
    REVOKE,
    KEEP;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static RegressionPolicy of(String code) {
        return Arrays.stream(values())
                .filter(policy -> policy.code().equals(code))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("onRegression must be revoke or keep, was '" + code + "'"));
    }
}
