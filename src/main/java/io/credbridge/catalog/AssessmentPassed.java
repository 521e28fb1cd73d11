package io.credbridge.catalog;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Met when a graded attempt at the assessment is reported as passed (the source's own pass mark). */
public record AssessmentPassed(
        @NotBlank @Pattern(regexp = Iris.ABSOLUTE, message = Iris.MESSAGE)
        String assessment) implements Requirement {

    static final String TYPE = "assessment-passed";

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public String key() {
        return TYPE + ":" + assessment;
    }

    @Override
    public String activityId() {
        return assessment;
    }

    @Override
    public boolean isMetBy(LearningEvent event) {
        return event.getType() == LearningEventType.ASSESSMENT_GRADED
                && assessment.equals(event.getObjectId())
                && event.getScore() != null
                && Boolean.TRUE.equals(event.getScore().getPassed());
    }

    @Override
    public String narrative() {
        return "Pass the assessment " + assessment + ".";
    }
}
