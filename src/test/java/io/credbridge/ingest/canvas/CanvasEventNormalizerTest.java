package io.credbridge.ingest.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.ingest.RejectedInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanvasEventNormalizerTest {

    static final Instant RECEIVED = Instant.parse("2026-11-30T10:00:00.123Z");
    static final String OXANA = "https://oxana.instructure.com";

    private final CanvasEventNormalizer fromHostname = new CanvasEventNormalizer("");
    private final CanvasEventNormalizer configured = new CanvasEventNormalizer("https://canvas.example.edu");

    @Test
    void aCourseCompletionNamesTheLearnerByCanvasIdAndEmailAndTheCourseByIriAndSisCode() {
        LearningEvent event = mapped(fromHostname, CanvasCorpus.event("course_completed"));

        assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(event.getSource()).isEqualTo("canvas");
        assertThat(event.getSourceSystem()).isEqualTo(OXANA);
        assertThat(event.getLearnerIds())
                .containsExactly(
                        new LearnerIdentifier("account", "123", OXANA),
                        new LearnerIdentifier("mbox", "inewton@example.com", null));
        assertThat(event.getObjectId()).isEqualTo(OXANA + "/courses/565");
        assertThat(event.getCourseIds()).containsExactly(OXANA + "/courses/565", "sis-course:2017.100.101.101-1");
        assertThat(event.getOccurredAt())
                .as("when the learner completed, not when Canvas emitted")
                .isEqualTo(Instant.parse("2019-11-05T13:38:00.218Z"));
        assertThat(event.getReceivedAt()).isEqualTo(RECEIVED);
        assertThat(event.getScore()).isNull();
    }

    @Test
    void theActingUsersSisIdInMetadataNeverNamesTheLearner() {
        ObjectNode completion = CanvasCorpus.event("course_completed");
        LearningEvent event = mapped(fromHostname, completion);

        assertThat(event.getLearnerIds())
                .extracting(LearnerIdentifier::getValue)
                .doesNotContain(completion.at("/metadata/user_sis_id").asText(), "21070000000000123");
    }

    @Test
    void aGradeChangeIsAGradedAttemptOfItsStudentWithTheStudentsSisIdNotTheTeachers() {
        LearningEvent event = mapped(fromHostname, CanvasCorpus.event("grade_change"));

        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getLearnerIds())
                .containsExactly(
                        new LearnerIdentifier("account", "48", OXANA),
                        new LearnerIdentifier("account", "ABC.123", OXANA + "/sis_user_id"));
        assertThat(event.getObjectId()).isEqualTo(OXANA + "/assignments/355");
        assertThat(event.getCourseIds()).containsExactly(OXANA + "/courses/565", "sis-course:2017.100.101.101-1");
        assertThat(event.getAttemptId()).isEqualTo("11086");
        assertThat(event.getScore().getGiven()).isEqualTo(5.0);
        assertThat(event.getScore().getMax()).isEqualTo(1.0);
        assertThat(event.getScore().getScaled())
                .as("extra credit above the points possible is full marks")
                .isEqualTo(1.0);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2019-11-01T19:11:05.222Z"));
    }

    @Test
    void aGradeChangeScalesTheScoreByThePointsPossible() {
        ObjectNode grade = CanvasCorpus.event("grade_change");
        ((ObjectNode) grade.get("body")).put("score", 7).put("points_possible", 10);

        assertThat(mapped(fromHostname, grade).getScore().getScaled()).isEqualTo(0.7);
    }

    @Test
    void aGradeChangeWithoutSisIdNamesTheStudentByUserIdAlone() {
        ObjectNode grade = CanvasCorpus.event("grade_change");
        ((ObjectNode) grade.get("body")).remove("student_id");
        ((ObjectNode) grade.get("body")).putNull("student_sis_id");

        assertThat(mapped(fromHostname, grade).getLearnerIds())
                .containsExactly(new LearnerIdentifier("account", "48", OXANA));
    }

    @Test
    void aMutedOrIncompletelyGradedGradeChangeIsIgnoredBecauseStudentsMayNotSeeItYet() {
        ObjectNode muted = CanvasCorpus.event("grade_change");
        ((ObjectNode) muted.get("body")).put("muted", true);
        ObjectNode partial = CanvasCorpus.event("grade_change");
        ((ObjectNode) partial.get("body")).put("grading_complete", false);

        assertThat(fromHostname.normalize(muted, RECEIVED).ignoredBecause()).contains("muted");
        assertThat(fromHostname.normalize(partial, RECEIVED).ignoredBecause()).contains("grading_complete");
        assertThat(fromHostname.normalize(muted, RECEIVED).events()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"submission_created", "submission_updated"})
    void aScoredSubmissionIsAGradedAttemptOfTheSubmittingStudent(String name) {
        ObjectNode submission = CanvasCorpus.event(name);
        LearningEvent event = mapped(configured, submission);

        String assignment = CanvasIds.local(submission.at("/body/assignment_id").asText());
        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getObjectId()).isEqualTo("https://canvas.example.edu/assignments/" + assignment);
        assertThat(event.getLearnerIds())
                .containsExactly(new LearnerIdentifier(
                        "account",
                        CanvasIds.local(submission.at("/body/user_id").asText()),
                        "https://canvas.example.edu"));
        assertThat(event.getScore().getGiven()).isEqualTo(99.5);
        assertThat(event.getScore().getScaled())
                .as("no points possible to scale by")
                .isNull();
        assertThat(event.getAttemptId())
                .isEqualTo(CanvasIds.local(submission.at("/body/submission_id").asText()));
    }

    @Test
    void anUnscoredSubmissionIsIgnored() {
        ObjectNode submission = CanvasCorpus.event("submission_updated");
        ((ObjectNode) submission.get("body")).putNull("score");

        assertThat(configured.normalize(submission, RECEIVED).ignoredBecause()).contains("no score");
    }

    @Test
    void aQuizSubmissionIsIgnoredBecauseItsScoreArrivesAsAGradeChange() {
        CanvasDelivery delivery = fromHostname.normalize(CanvasCorpus.event("quiz_submitted"), RECEIVED);

        assertThat(delivery.eventName()).isEqualTo("quiz_submitted");
        assertThat(delivery.events()).isEmpty();
        assertThat(delivery.ignoredBecause()).contains("grade_change");
    }

    @Test
    void aLearningOutcomeResultIsAGradedOutcomeWhoseMasteryIsThePass() {
        LearningEvent event = mapped(configured, CanvasCorpus.event("learning_outcome_result_created"));

        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getObjectId()).isEqualTo("https://canvas.example.edu/outcomes/1");
        assertThat(event.getLearnerIds())
                .containsExactly(new LearnerIdentifier(
                        "account", "elXwFPr6uKGaiVxchQSsqV6YZy5HBtlq8O2vqMXM", "https://canvas.example.edu/uuid"));
        assertThat(event.getScore().getGiven()).isEqualTo(5.0);
        assertThat(event.getScore().getScaled()).isEqualTo(1.0);
        assertThat(event.getScore().getPassed()).isTrue();
        assertThat(event.getAttemptId()).isEqualTo("RubricAssessment:22");
    }

    @ParameterizedTest
    @ValueSource(strings = {"course_progress", "course_grade_change", "enrollment_created", "enrollment_updated"})
    void otherEventsAreAcceptedAndIgnored(String name) {
        CanvasDelivery delivery = configured.normalize(CanvasCorpus.event(name), RECEIVED);

        assertThat(delivery.eventName()).isEqualTo(name);
        assertThat(delivery.events()).isEmpty();
        assertThat(delivery.ignoredBecause()).contains("does not act on " + name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "course_completed",
                "grade_change",
                "submission_created",
                "submission_updated",
                "learning_outcome_result_created"
            })
    void theSameEventDeliveredTwiceGetsTheSameDerivedId(String name) {
        String first = mapped(configured, CanvasCorpus.event(name)).getEventId();
        String again = configured
                .normalize(CanvasCorpus.event(name), RECEIVED.plusSeconds(900))
                .event()
                .orElseThrow()
                .getEventId();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aCourseCompletionCanvasFiresAgainLaterIsANewEvent() {
        ObjectNode again = CanvasCorpus.event("course_completed");
        ((ObjectNode) again.get("metadata")).put("event_time", "2019-11-08T08:00:00.000Z");

        assertThat(mapped(fromHostname, again).getEventId())
                .isNotEqualTo(mapped(fromHostname, CanvasCorpus.event("course_completed"))
                        .getEventId());
    }

    @Test
    void aRegradeOfTheSameSubmissionIsAnotherEventOfTheSameAttempt() {
        ObjectNode regrade = CanvasCorpus.event("grade_change");
        ((ObjectNode) regrade.get("body")).put("score", 0.5);

        LearningEvent first = mapped(fromHostname, CanvasCorpus.event("grade_change"));
        LearningEvent second = mapped(fromHostname, regrade);
        assertThat(second.getEventId()).isNotEqualTo(first.getEventId());
        assertThat(second.getAttemptId()).isEqualTo(first.getAttemptId());
    }

    @Test
    void aCompletionWithoutLearnerOrCourseIsRefusedNamingEachMissingField() {
        ObjectNode completion = CanvasCorpus.event("course_completed");
        ((ObjectNode) completion.get("body")).remove("user");
        ((ObjectNode) completion.at("/body/course")).putNull("id");

        assertThatThrownBy(() -> fromHostname.normalize(completion, RECEIVED))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(400);
                    assertThat(rejected.violations())
                            .extracting(RejectedInputException.Violation::pointer)
                            .containsExactly("/body/user/id", "/body/course/id");
                });
    }

    @Test
    void aMalformedScoreOrTimeIsRefusedNamingTheField() {
        ObjectNode grade = CanvasCorpus.event("grade_change");
        ((ObjectNode) grade.get("body")).put("score", "five");
        ((ObjectNode) grade.get("metadata")).put("event_time", "yesterday");

        assertThatThrownBy(() -> fromHostname.normalize(grade, RECEIVED))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        rejected -> assertThat(rejected.violations())
                                .extracting(RejectedInputException.Violation::pointer)
                                .containsExactlyInAnyOrder("/body/score", "/metadata/event_time"));
    }

    @Test
    void anEventWithoutNameIsRefused() {
        ObjectNode nameless = CanvasCorpus.event("course_completed");
        ((ObjectNode) nameless.get("metadata")).remove("event_name");

        assertThatThrownBy(() -> fromHostname.normalize(nameless, RECEIVED))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        rejected -> assertThat(rejected.violations())
                                .extracting(RejectedInputException.Violation::pointer)
                                .containsExactly("/metadata/event_name"));
    }

    @Test
    void aJobEventWithoutHostnameNeedsTheConfiguredBaseUrl() {
        ObjectNode jobEvent = CanvasCorpus.event("learning_outcome_result_created");

        assertThatThrownBy(() -> fromHostname.normalize(jobEvent, RECEIVED))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        rejected -> assertThat(rejected.violations().get(0).message())
                                .contains("/metadata/hostname")
                                .contains("credbridge.ingest.canvas.base-url"));
    }

    private static LearningEvent mapped(CanvasEventNormalizer normalizer, ObjectNode event) {
        CanvasDelivery delivery = normalizer.normalize(event, RECEIVED);
        assertThat(delivery.ignoredBecause()).isNull();
        return delivery.event().orElseThrow();
    }
}
