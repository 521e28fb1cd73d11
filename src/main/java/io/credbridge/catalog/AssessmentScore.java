package io.credbridge.catalog;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.avro.Score;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Met when a graded attempt at the assessment has a scaled score (0..1) at or above {@code minScore} (or above
 * it, with {@code operator: ">"}); the learner's best attempt counts. Scaled scores make thresholds independent
 * of how each LMS counts points.
 */
public record AssessmentScore(
        @NotBlank @Pattern(regexp = Iris.ABSOLUTE, message = Iris.MESSAGE)
        String assessment,

        @NotNull(message = "must be given as a scaled score between 0 and 1, e.g. 0.8")
        @DecimalMin(value = "0", message = "must be a scaled score between 0 and 1")
        @DecimalMax(value = "1", message = "must be a scaled score between 0 and 1")
        Double minScore,

        ScoreOperator operator)
        implements Requirement {

    public AssessmentScore {
        operator = operator == null ? ScoreOperator.AT_LEAST : operator;
    }

    public AssessmentScore(String assessment, Double minScore) {
        this(assessment, minScore, ScoreOperator.AT_LEAST);
    }

    static final String TYPE = "assessment-score";

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public String key() {
        return TYPE + ":" + assessment + operator.symbol() + minScore;
    }

    @Override
    public String activityId() {
        return assessment;
    }

    @Override
    public boolean isMetBy(LearningEvent event) {
        if (event.getType() != LearningEventType.ASSESSMENT_GRADED || !assessment.equals(event.getObjectId())) {
            return false;
        }
        Score score = event.getScore();
        return score != null && score.getScaled() != null && operator.holds(score.getScaled(), minScore);
    }

    @Override
    public String narrative() {
        return "Score " + operator.words() + " "
                + java.math.BigDecimal.valueOf(minScore * 100)
                        .stripTrailingZeros()
                        .toPlainString() + "% on the assessment " + assessment + ".";
    }
}
