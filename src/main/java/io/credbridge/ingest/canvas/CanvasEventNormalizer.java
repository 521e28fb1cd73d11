package io.credbridge.ingest.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.avro.Score;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.ingest.RejectedInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a Canvas-format Live Event ({@code {metadata, body}}) to the LearningEvent CredBridge acts on, or to the
 * reason it is ignored. Learners are named by their Canvas user id (local, in the instance's namespace), which every
 * learner event carries; a {@code grade_change} adds the student's SIS id, never {@code metadata.user_sis_id}, which
 * is whoever acted (the teacher, for a grade).
 */
class CanvasEventNormalizer {

    static final String SOURCE = "canvas";

    private final String configuredInstance;

    /** @param configuredInstance the Canvas base URL, or "" to take it from each event's hostname */
    CanvasEventNormalizer(String configuredInstance) {
        this.configuredInstance = configuredInstance;
    }

    /**
     * @throws RejectedInputException 400 naming each field an event CredBridge acts on lacks
     */
    CanvasDelivery normalize(JsonNode event, Instant receivedAt) {
        EventFields fields = new EventFields(event);
        if (!event.path("metadata").isObject() || !event.path("body").isObject()) {
            fields.text("/metadata/event_name", "a Canvas-format event is an object with 'metadata' and 'body'");
            fields.rejectIfAnyProblem("Canvas");
        }
        String name = fields.text("/metadata/event_name", "the Live Event's name, e.g. course_completed");
        fields.rejectIfAnyProblem("Canvas");
        switch (name) {
            case "course_completed":
                return courseCompleted(name, fields, receivedAt);
            case "grade_change":
                return gradeChange(name, event, fields, receivedAt);
            case "submission_created":
            case "submission_updated":
                return submission(name, event, fields, receivedAt);
            case "learning_outcome_result_created":
                return outcomeResult(name, fields, receivedAt);
            case "quiz_submitted":
                return CanvasDelivery.ignored(
                        name,
                        "quiz_submitted carries no score (only quiz_id and submission_id); Canvas reports the"
                                + " quiz's score in a grade_change event");
            default:
                return CanvasDelivery.ignored(name, "CredBridge does not act on " + name + " events");
        }
    }

    private CanvasDelivery courseCompleted(String name, EventFields fields, Instant receivedAt) {
        String instance = instance(fields);
        Instant emitted = fields.emitted();
        String eventTime = fields.optionalText(EventFields.EVENT_TIME);
        String user = fields.text("/body/user/id", "the Canvas id of the student who completed the course");
        String course = fields.text("/body/course/id", "the Canvas id of the completed course");
        Instant completedAt = fields.optionalInstant("/body/progress/completed_at");
        fields.rejectIfAnyProblem(name);
        List<LearnerIdentifier> learner = new ArrayList<>();
        learner.add(account(CanvasIds.users(instance), CanvasIds.local(user)));
        String email = fields.optionalText("/body/user/email");
        if (email != null) {
            learner.add(new LearnerIdentifier("mbox", email, null));
        }
        String courseIri = CanvasIds.course(instance, course);
        return CanvasDelivery.of(
                name,
                base(
                                new Origin(name, instance, eventTime, receivedAt),
                                List.of(CanvasIds.local(user), CanvasIds.local(course), String.valueOf(completedAt)),
                                completedAt != null ? completedAt : emitted,
                                learner)
                        .setType(LearningEventType.COURSE_COMPLETED)
                        .setObjectId(courseIri)
                        .setCourseIds(withSisCourse(courseIri, fields.optionalText("/body/course/sis_source_id")))
                        .build());
    }

    private CanvasDelivery gradeChange(String name, JsonNode event, EventFields fields, Instant receivedAt) {
        Boolean muted = fields.optionalBoolean("/body/muted");
        Boolean complete = fields.optionalBoolean("/body/grading_complete");
        fields.rejectIfAnyProblem(name);
        if (Boolean.TRUE.equals(muted)) {
            return CanvasDelivery.ignored(
                    name, "the assignment is muted: Canvas says muted grade changes are not for students yet");
        }
        if (Boolean.FALSE.equals(complete)) {
            return CanvasDelivery.ignored(
                    name, "grading is not complete (grading_complete is false): the score is partial");
        }
        String instance = instance(fields);
        String student = event.at("/body/student_id").isMissingNode()
                        || event.at("/body/student_id").isNull()
                ? fields.text("/body/user_id", "the Canvas id of the graded student (student_id or user_id)")
                : fields.text("/body/student_id", "the Canvas id of the graded student");
        Double score = fields.optionalNumber("/body/score");
        Double possible = fields.optionalNumber("/body/points_possible");
        Graded graded = graded(name, fields, "/body/assignment_id", "/body/submission_id");
        fields.rejectIfAnyProblem(name);
        if (score == null) {
            return CanvasDelivery.ignored(name, "the grade was removed (score is null)");
        }
        List<LearnerIdentifier> learner = new ArrayList<>();
        learner.add(account(CanvasIds.users(instance), CanvasIds.local(student)));
        String sisId = fields.optionalText("/body/student_sis_id");
        if (sisId != null) {
            learner.add(account(CanvasIds.sisUsers(instance), sisId));
        }
        return CanvasDelivery.of(
                name,
                graded.event(
                        instance,
                        learner,
                        receivedAt,
                        fields,
                        scoreOf(score, possible),
                        List.of(String.valueOf(score), String.valueOf(possible))));
    }

    private CanvasDelivery submission(String name, JsonNode event, EventFields fields, Instant receivedAt) {
        Double score = fields.optionalNumber("/body/score");
        fields.rejectIfAnyProblem(name);
        if (score == null) {
            return CanvasDelivery.ignored(name, "the submission carries no score (it is not graded)");
        }
        String instance = instance(fields);
        String user = fields.text("/body/user_id", "the Canvas id of the submitting student");
        Graded graded = graded(name, fields, "/body/assignment_id", "/body/submission_id");
        fields.rejectIfAnyProblem(name);
        return CanvasDelivery.of(
                name,
                graded.event(
                        instance,
                        List.of(account(CanvasIds.users(instance), CanvasIds.local(user))),
                        receivedAt,
                        fields,
                        scoreOf(score, null),
                        List.of(String.valueOf(score), event.at("/body/attempt").asText())));
    }

    private CanvasDelivery outcomeResult(String name, EventFields fields, Instant receivedAt) {
        String instance = instance(fields);
        Instant emitted = fields.emitted();
        String eventTime = fields.optionalText(EventFields.EVENT_TIME);
        String user = fields.text("/body/user_uuid", "the uuid of the assessed student");
        String outcome = fields.text("/body/learning_outcome_id", "the Canvas id of the learning outcome");
        Double score = fields.optionalNumber("/body/score");
        Double possible = fields.optionalNumber("/body/possible");
        Double percent = fields.optionalNumber("/body/percent");
        Boolean mastery = fields.optionalBoolean("/body/mastery");
        Instant assessedAt = fields.optionalInstant("/body/assessed_at");
        fields.rejectIfAnyProblem(name);
        String artifactType = fields.optionalText("/body/artifact_type");
        String artifactId = fields.optionalText("/body/artifact_id");
        String attempt = artifactId == null ? null : artifactType + ":" + CanvasIds.local(artifactId);
        Score result = scoreOf(score, possible);
        if (percent != null) {
            result.setScaled(Math.max(0, Math.min(1, percent)));
        }
        result.setPassed(mastery);
        return CanvasDelivery.of(
                name,
                base(
                                new Origin(name, instance, eventTime, receivedAt),
                                List.of(
                                        user,
                                        CanvasIds.local(outcome),
                                        String.valueOf(attempt),
                                        String.valueOf(score),
                                        String.valueOf(mastery)),
                                assessedAt != null ? assessedAt : emitted,
                                List.of(account(CanvasIds.userUuids(instance), user)))
                        .setType(LearningEventType.ASSESSMENT_GRADED)
                        .setObjectId(CanvasIds.outcome(instance, outcome))
                        .setCourseIds(courseOfContext(instance, fields))
                        .setScore(result)
                        .setAttemptId(attempt)
                        .build());
    }

    /** The assignment graded and the submission (Canvas's attempt: a regrade keeps its id) of a graded event. */
    private Graded graded(String name, EventFields fields, String assignmentPointer, String submissionPointer) {
        return new Graded(
                name,
                fields.text(assignmentPointer, "the Canvas id of the graded assignment"),
                fields.text(submissionPointer, "the Canvas id of the graded submission"),
                fields.optionalText(EventFields.EVENT_TIME),
                fields.emitted());
    }

    private record Graded(String name, String assignment, String submission, String eventTime, Instant emitted) {

        LearningEvent event(
                String instance,
                List<LearnerIdentifier> learner,
                Instant receivedAt,
                EventFields fields,
                Score score,
                List<String> values) {
            List<String> meaningful = new ArrayList<>(
                    List.of(learner.get(0).getValue(), CanvasIds.local(assignment), CanvasIds.local(submission)));
            meaningful.addAll(values);
            return base(new Origin(name, instance, eventTime, receivedAt), meaningful, emitted, learner)
                    .setType(LearningEventType.ASSESSMENT_GRADED)
                    .setObjectId(CanvasIds.assignment(instance, assignment))
                    .setCourseIds(courseOfContext(instance, fields))
                    .setScore(score)
                    .setAttemptId(CanvasIds.local(submission))
                    .build();
        }
    }

    /** The course the event happened in, when Canvas names a course context (user-generated events do). */
    private static List<String> courseOfContext(String instance, EventFields fields) {
        String type = fields.optionalText("/metadata/context_type");
        String id = fields.optionalText("/metadata/context_id");
        if (!"Course".equals(type) || id == null) {
            return List.of();
        }
        return withSisCourse(CanvasIds.course(instance, id), fields.optionalText("/metadata/context_sis_source_id"));
    }

    /** The course, and its SIS course code as a catalog names it ({@code sis-course:CODE}) when Canvas gives one. */
    private static List<String> withSisCourse(String courseIri, String sisCourse) {
        return sisCourse == null ? List.of(courseIri) : List.of(courseIri, CourseCompleted.SIS_COURSE + sisCourse);
    }

    /**
     * The raw score, and scaled by the points possible when Canvas gives them; extra credit above the points possible
     * counts as full marks on the scaled scale, which ends at 1.
     */
    private static Score scoreOf(Double given, Double possible) {
        Score score = Score.newBuilder().setGiven(given).build();
        if (possible != null && possible > 0) {
            score.setMin(0.0);
            score.setMax(possible);
            if (given != null) {
                score.setScaled(Math.max(-1, Math.min(1, given / possible)));
            }
        }
        return score;
    }

    /** The Canvas instance: configured, or the host the event names. */
    private String instance(EventFields fields) {
        if (!configuredInstance.isEmpty()) {
            return configuredInstance;
        }
        String host = fields.text(
                "/metadata/hostname",
                "the Canvas host that emitted the event; events Canvas emits from background jobs carry none, so set"
                        + " credbridge.ingest.canvas.base-url");
        fields.rejectIfAnyProblem("Canvas");
        return "https://" + host;
    }

    private static LearnerIdentifier account(String namespace, String value) {
        return new LearnerIdentifier("account", value, namespace);
    }

    /** Where an event comes from and when: with the fields that make it what it is, these give its id. */
    private record Origin(String name, String instance, String eventTime, Instant receivedAt) {}

    private static LearningEvent.Builder base(
            Origin origin, List<String> meaningful, Instant occurredAt, List<LearnerIdentifier> learner) {
        return LearningEvent.newBuilder()
                .setEventId(CanvasEventIds.of(origin.name(), origin.instance(), origin.eventTime(), meaningful))
                .setSource(SOURCE)
                .setSourceSystem(origin.instance())
                .setOccurredAt(millis(occurredAt))
                .setReceivedAt(millis(origin.receivedAt()))
                .setLearnerIds(learner);
    }

    // The Avro field is timestamp-millis: an event built here must equal the one read back from Kafka.
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
