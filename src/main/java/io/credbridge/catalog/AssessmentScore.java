package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * Met when the attempt that counts has a score that compares with the threshold as {@code operator} says
 * ({@code >=} by default; {@code >}, {@code <=}, {@code <}, {@code ==}). The threshold is {@code score}, on the
 * {@code scale} given (scaled 0..1 by default, or raw points), or the older {@code minScore}, a scaled score.
 * Which attempt counts is {@code attempt}: {@code best} (any attempt that meets it; the default), {@code latest}
 * or {@code first}; {@code minAttempts} asks for that many attempts at least.
 */
public record AssessmentScore(
        @NotBlank @Pattern(regexp = Iris.ABSOLUTE, message = Iris.MESSAGE)
        String assessment,

        @DecimalMin(value = "0", message = "must be a scaled score between 0 and 1")
        @DecimalMax(value = "1", message = "must be a scaled score between 0 and 1")
        Double minScore,

        Double score,
        ScoreOperator operator,
        ScoreScale scale,
        AttemptRule attempt,

        @Positive(message = "must be a positive number of attempts, e.g. 2")
        Integer minAttempts,

        @Valid Window window)
        implements Assessment {

    static final String TYPE = "assessment-score";

    public AssessmentScore {
        operator = operator == null ? ScoreOperator.AT_LEAST : operator;
        scale = scale == null ? ScoreScale.SCALED : scale;
        attempt = attempt == null ? AttemptRule.BEST : attempt;
    }

    public AssessmentScore(String assessment, Double minScore) {
        this(assessment, minScore, ScoreOperator.AT_LEAST);
    }

    public AssessmentScore(String assessment, Double minScore, ScoreOperator operator) {
        this(assessment, minScore, null, operator, null, null, null, null);
    }

    /** The score the attempt is compared with: {@code score}, or the older {@code minScore}. */
    public double threshold() {
        return score != null ? score : minScore;
    }

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public String narrative() {
        return "Score " + operator.words() + " " + thresholdWords() + " on the assessment " + assessment
                + Assessment.attemptWords(this) + windowWords() + ".";
    }

    public String thresholdWords() {
        return scoreWords(threshold());
    }

    /** A score on this requirement's scale, in words: "80%" for a scaled 0.8, "40 points" for a raw 40. */
    public String scoreWords(double score) {
        BigDecimal exact = BigDecimal.valueOf(score);
        return scale == ScoreScale.RAW
                ? exact.stripTrailingZeros().toPlainString() + " points"
                : exact.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
