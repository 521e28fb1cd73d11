package io.credbridge.transcript;

import java.util.Arrays;
import java.util.Locale;

/** Reads the review queue's status filter as the API takes it. */
final class ReviewStatuses {

    private ReviewStatuses() {}

    /** Null for no filter (null or blank). */
    static ReviewStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(ReviewStatus.values())
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UnknownStatusException(
                        "status must be one of " + Arrays.toString(ReviewStatus.values()) + ", was '" + text + "'"));
    }

    static class UnknownStatusException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownStatusException(String message) {
            super(message);
        }
    }
}
