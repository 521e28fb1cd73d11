package io.credbridge.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How a score is compared with a threshold. */
public enum ScoreOperator {
    AT_LEAST(">=", "at least"),
    ABOVE(">", "more than"),
    AT_MOST("<=", "at most"),
    BELOW("<", "less than"),
    EQUAL("==", "exactly");

    /**
     * Scores are decimals a source computed (e.g. 8/10 scaled to 0.8000000000000002): equal within this much is
     * equal, and the other comparisons give the threshold the same allowance.
     */
    static final double TOLERANCE = 1e-9;

    private final String symbol;
    private final String words;

    ScoreOperator(String symbol, String words) {
        this.symbol = symbol;
        this.words = words;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    String words() {
        return words;
    }

    public boolean holds(double score, double threshold) {
        return switch (this) {
            case AT_LEAST -> score >= threshold - TOLERANCE;
            case ABOVE -> score > threshold + TOLERANCE;
            case AT_MOST -> score <= threshold + TOLERANCE;
            case BELOW -> score < threshold - TOLERANCE;
            case EQUAL -> Math.abs(score - threshold) <= TOLERANCE;
        };
    }

    /** Whether a lower score comes closer to meeting it ({@code <=}, {@code <}). */
    public boolean lowerIsBetter() {
        return this == AT_MOST || this == BELOW;
    }

    @JsonCreator
    public static ScoreOperator of(String symbol) {
        return Arrays.stream(values())
                .filter(operator -> operator.symbol.equals(symbol))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown operator '" + symbol + "'; use one of "
                        + Arrays.stream(values()).map(ScoreOperator::symbol).collect(Collectors.joining(", "))));
    }
}
