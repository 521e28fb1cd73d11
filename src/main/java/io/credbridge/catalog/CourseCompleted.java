package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/**
 * Met when the learner completes the course (inside the window, when one is given): named by the LMS course's IRI
 * ({@code course}), or by its SIS course code ({@code sisCourse}), which counts the completion of every LMS course
 * the identity mapping maps to that code.
 */
public record CourseCompleted(
        @Pattern(regexp = Iris.ABSOLUTE, message = Iris.MESSAGE)
        String course,

        @Pattern(regexp = "\\S{1,255}", message = "must be a SIS course code without spaces, e.g. MATH-101")
        String sisCourse,

        @Valid Window window)
        implements Requirement {

    static final String TYPE = "course-completed";

    /** How a SIS course code is written as an activity id, apart from any IRI an LMS could send. */
    public static final String SIS_COURSE = "sis-course:";

    public CourseCompleted(String course) {
        this(course, null, null);
    }

    public CourseCompleted(String course, Window window) {
        this(course, null, window);
    }

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public String activityId() {
        return course != null ? course : SIS_COURSE + sisCourse;
    }

    @Override
    public String narrative() {
        return "Complete the course " + (course != null ? course : sisCourse) + windowWords() + ".";
    }
}
