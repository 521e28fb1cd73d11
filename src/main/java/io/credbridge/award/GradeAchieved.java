package io.credbridge.award;

import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.ScoreScale;
import java.math.BigDecimal;

/**
 * The learner's grade achieved in an award (the EU micro-credential element): the score of the attempt that counted
 * for the one assessment criterion the award was earned through. An award earned through several assessment
 * criteria (all of two exams, say) has none, since which score is "the grade" would be a guess; so has an award
 * made from course completions or granted by a registrar, one stacked on other credentials, and one whose counted
 * attempt its source reported without a score on the scale.
 *
 * @param value the score, on {@code scale}
 * @param scale {@code scaled} (0 to 1) or {@code raw} (the assessment's own points): the scale the criterion compares
 *     with; a pass criterion's grade is the scaled score
 * @param assessment the assessment's activity IRI
 * @param attempt which attempt counted: for {@code best} the first attempt that met the criterion (later attempts do
 *     not change an award already made), for {@code latest} and {@code first} that attempt
 */
public record GradeAchieved(double value, ScoreScale scale, String assessment, AttemptRule attempt) {

    /** The score as Open Badges writes a result's value: plain decimal text, no exponent, no trailing zeros. */
    public String valueText() {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
