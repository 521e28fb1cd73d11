package io.credbridge.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a score is compared with a threshold. Only the comparisons a better attempt can never undo are offered:
 * a learner who once scored high enough keeps the requirement whatever attempts follow.
 */
public enum ScoreOperator {
    AT_LEAST(">=", "at least"),
    ABOVE(">", "more than");

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

    boolean holds(double score, double threshold) {
        return this == AT_LEAST ? score >= threshold : score > threshold;
    }

    @JsonCreator
    static ScoreOperator of(String symbol) {
        return Arrays.stream(values())
                .filter(operator -> operator.symbol.equals(symbol))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown operator '" + symbol + "'; use one of "
                        + Arrays.stream(values()).map(ScoreOperator::symbol).collect(Collectors.joining(", "))));
    }
}
