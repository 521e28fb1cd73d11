package io.credbridge.catalog;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Met when the learner completes the course. */
public record CourseCompleted(
        @NotBlank @Pattern(regexp = Iris.ABSOLUTE, message = Iris.MESSAGE)
        String course) implements Requirement {

    static final String TYPE = "course-completed";

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public String key() {
        return TYPE + ":" + course;
    }

    @Override
    public String activityId() {
        return course;
    }

    @Override
    public boolean isMetBy(LearningEvent event) {
        return event.getType() == LearningEventType.COURSE_COMPLETED && course.equals(event.getObjectId());
    }

    @Override
    public String narrative() {
        return "Complete the course " + course + ".";
    }
}
