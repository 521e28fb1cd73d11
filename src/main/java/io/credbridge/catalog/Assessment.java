package io.credbridge.catalog;

/** A requirement on a learner's graded attempts at one assessment. */
public sealed interface Assessment extends Requirement permits AssessmentScore, AssessmentPassed {

    String assessment();

    AttemptRule attempt();

    /** How many attempts the learner must have made at least; null when any number will do. */
    Integer minAttempts();

    @Override
    default String activityId() {
        return assessment();
    }

    static String attemptWords(Assessment assessment) {
        String which = switch (assessment.attempt()) {
            case BEST -> "";
            case LATEST -> " on the latest attempt";
            case FIRST -> " on the first attempt";
        };
        return assessment.minAttempts() == null
                ? which
                : which + ", after at least " + assessment.minAttempts() + " attempt"
                        + (assessment.minAttempts() == 1 ? "" : "s");
    }
}
