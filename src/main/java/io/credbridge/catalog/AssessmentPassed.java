package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Met when the attempt that counts ({@code attempt}: best, latest or first) is reported as passed (the source's
 * own pass mark), optionally after at least {@code minAttempts} attempts.
 */
public record AssessmentPassed(
        @NotBlank @Pattern(regexp = Iris.ABSOLUTE, message = Iris.MESSAGE)
        String assessment,

        AttemptRule attempt,

        @Positive(message = "must be a positive number of attempts, e.g. 2")
        Integer minAttempts,

        @Valid Window window)
        implements Assessment {

    static final String TYPE = "assessment-passed";

    public AssessmentPassed {
        attempt = attempt == null ? AttemptRule.BEST : attempt;
    }

    public AssessmentPassed(String assessment) {
        this(assessment, null, null, null);
    }

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public String narrative() {
        return "Pass the assessment " + assessment + Assessment.attemptWords(this) + windowWords() + ".";
    }
}
