package io.credbridge.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.credbridge.avro.LearningEvent;

/**
 * One thing a learner must have done to earn a credential. Progress is stored per learner and requirement
 * {@link #key()}, so credentials that share a requirement share the learner's progress on it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CourseCompleted.class, name = CourseCompleted.TYPE),
    @JsonSubTypes.Type(value = AssessmentScore.class, name = AssessmentScore.TYPE)
})
public sealed interface Requirement permits CourseCompleted, AssessmentScore {

    /** Stable identity of the requirement's content; two definitions asking the same thing get the same key. */
    String key();

    /** The activity (course or assessment IRI) an event must be about to meet this requirement. */
    String activityId();

    boolean isMetBy(LearningEvent event);

    /** The requirement in words, for transcripts and badge criteria. */
    String narrative();
}
