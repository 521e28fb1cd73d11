package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Met when the learner completes the course (inside the window, when one is given). */
public record CourseCompleted(
        @NotBlank @Pattern(regexp = Iris.ABSOLUTE, message = Iris.MESSAGE)
        String course,

        @Valid Window window) implements Requirement {

    static final String TYPE = "course-completed";

    public CourseCompleted(String course) {
        this(course, null);
    }

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public String activityId() {
        return course;
    }

    @Override
    public String narrative() {
        return "Complete the course " + course + windowWords() + ".";
    }
}
