package io.credbridge.catalog;

import java.util.stream.Stream;

/**
 * One thing a learner must have done on one activity (a course or an assessment), judged from the learner's
 * facts on that activity: completions, and graded attempts with their scores. The catalog indexes credentials
 * by these activities, so an event is evaluated against the credentials that listen to its activity only.
 */
public sealed interface Requirement extends Criterion permits CourseCompleted, Assessment {

    /** The activity (course or assessment IRI) whose facts decide this requirement. */
    String activityId();

    /** When events count; null when they always do. */
    Window window();

    @Override
    default Stream<Requirement> requirements() {
        return Stream.of(this);
    }

    @Override
    default Stream<String> credentialsHeld() {
        return Stream.empty();
    }

    /** The window in words, to end a narrative, or nothing. */
    default String windowWords() {
        return window() == null ? "" : " (" + window().words() + ")";
    }
}
