package io.credbridge.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.stream.Stream;

/**
 * A condition of a credential: a {@link Requirement} an event can meet, another credential the learner must
 * hold, or a group of criteria ({@code all-of}, {@code any-of}, {@code at-least}) composed to any depth.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CourseCompleted.class, name = CourseCompleted.TYPE),
    @JsonSubTypes.Type(value = AssessmentScore.class, name = AssessmentScore.TYPE),
    @JsonSubTypes.Type(value = AssessmentPassed.class, name = AssessmentPassed.TYPE),
    @JsonSubTypes.Type(value = CredentialHeld.class, name = CredentialHeld.TYPE),
    @JsonSubTypes.Type(value = AllOf.class, name = AllOf.TYPE),
    @JsonSubTypes.Type(value = AnyOf.class, name = AnyOf.TYPE),
    @JsonSubTypes.Type(value = AtLeast.class, name = AtLeast.TYPE)
})
public sealed interface Criterion permits Requirement, CredentialHeld, CriteriaGroup {

    /** Every requirement in this criterion, however deep: what events must be checked against. */
    Stream<Requirement> requirements();

    /** The ids of every credential this criterion requires the learner to hold, however deep. */
    Stream<String> credentialsHeld();

    /** The {@code type} that names this kind of criterion in the catalog, e.g. {@code any-of}. */
    String typeName();

    /** The criterion in words, for transcripts and badge criteria. */
    String narrative();
}
