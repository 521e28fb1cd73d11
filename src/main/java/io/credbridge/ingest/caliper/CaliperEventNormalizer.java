package io.credbridge.ingest.caliper;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.avro.Score;
import io.credbridge.catalog.CourseCompleted;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one valid Caliper event to the LearningEvent CredBridge acts on, or to the reason it is ignored:
 *
 * <ul>
 *   <li>GradeEvent Graded: the score of the graded attempt, on the assessment the attempt is of;
 *   <li>AssessmentEvent Submitted: a submitted assessment attempt, without a score (Caliper reports the score in a
 *       later GradeEvent for the same attempt, which then replaces it);
 *   <li>AssignableEvent Completed: the assignable completed, as an xAPI completion of an activity is;
 *   <li>Event Completed on a CourseOffering or CourseSection: a course completed (Open edX sends this for {@code
 *       edx.course.grade.passed.first_time}).
 * </ul>
 *
 * Every other event, and every entity describe, is ignored. The LearningEvent keeps the Caliper event's id ({@code
 * urn:uuid:...}), so a sensor's retry is counted once.
 */
final class CaliperEventNormalizer {

    static final String SOURCE = "caliper";
    private static final String CANVAS = "com.instructure.canvas";
    private static final List<String> COURSES = List.of("CourseOffering", "CourseSection");

    CaliperItem normalize(JsonNode item, String sensor, Instant receivedAt) {
        String type = item.path("type").asText();
        if (!type.endsWith("Event")) {
            return CaliperItem.ignored(type, "an entity describe (" + type + ") states no learning event");
        }
        String action = item.path("action").asText();
        String kind = type + "." + action;
        switch (kind) {
            case "GradeEvent.Graded":
                return graded(kind, item, sensor, receivedAt);
            case "AssessmentEvent.Submitted":
                return submitted(kind, item, sensor, receivedAt);
            case "AssignableEvent.Completed":
                return completed(kind, item, sensor, receivedAt, idOf(item.path("object")), List.of());
            case "Event.Completed":
                return courseCompleted(kind, item, sensor, receivedAt);
            default:
                return CaliperItem.ignored(kind, "CredBridge does not act on " + type + " " + action + " events");
        }
    }

    private CaliperItem graded(String kind, JsonNode item, String sensor, Instant receivedAt) {
        JsonNode attempt = item.path("object");
        JsonNode person = attempt.has("assignee") ? attempt.get("assignee") : item.path("actor");
        if (!isPerson(person)) {
            return CaliperItem.ignored(
                    kind,
                    "the grade names no learner: the attempt has no assignee and the actor is " + Quoted.of(person)
                            + ", not a Person");
        }
        // Open edX wraps the Score in {"score": ...}.
        JsonNode generated = item.path("generated");
        JsonNode score = generated.has("scoreGiven") ? generated : generated.path("score");
        if (!score.path("scoreGiven").isNumber()) {
            return CaliperItem.ignored(kind, "the grade carries no score (generated.scoreGiven)");
        }
        JsonNode assignable = attempt.has("assignable")
                ? attempt.get("assignable")
                : attempt.path("extensions").path("assignable");
        String assessment = assignable.isMissingNode() ? idOf(attempt) : idOf(assignable);
        return CaliperItem.published(
                kind,
                base(item, sensor, receivedAt, person)
                        .setType(LearningEventType.ASSESSMENT_GRADED)
                        .setObjectId(assessment)
                        .setCourseIds(courses(item))
                        .setScore(scoreOf(score))
                        .setAttemptId(idOf(attempt))
                        .build());
    }

    private CaliperItem submitted(String kind, JsonNode item, String sensor, Instant receivedAt) {
        JsonNode person = item.path("actor");
        if (!isPerson(person)) {
            return CaliperItem.ignored(kind, "the actor is " + Quoted.of(person) + ", not a Person");
        }
        JsonNode attempt = item.path("generated");
        return CaliperItem.published(
                kind,
                base(item, sensor, receivedAt, person)
                        .setType(LearningEventType.ASSESSMENT_GRADED)
                        .setObjectId(idOf(item.path("object")))
                        .setCourseIds(courses(item))
                        .setAttemptId(attempt.isMissingNode() ? null : idOf(attempt))
                        .build());
    }

    private CaliperItem courseCompleted(String kind, JsonNode item, String sensor, Instant receivedAt) {
        JsonNode course = item.path("object");
        if (!COURSES.contains(course.path("type").asText())) {
            return CaliperItem.ignored(
                    kind,
                    "the completed object is " + Quoted.of(course)
                            + "; CredBridge acts on a generic Event Completed only for a CourseOffering or CourseSection");
        }
        return completed(kind, item, sensor, receivedAt, idOf(course), sisCourse(course));
    }

    private CaliperItem completed(
            String kind, JsonNode item, String sensor, Instant receivedAt, String objectId, List<String> sisCourse) {
        JsonNode person = item.path("actor");
        if (!isPerson(person)) {
            return CaliperItem.ignored(kind, "the actor is " + Quoted.of(person) + ", not a Person");
        }
        List<String> courseIds = new ArrayList<>(List.of(objectId));
        courseIds.addAll(sisCourse);
        return CaliperItem.published(
                kind,
                base(item, sensor, receivedAt, person)
                        .setType(LearningEventType.COURSE_COMPLETED)
                        .setObjectId(objectId)
                        .setCourseIds(courseIds)
                        .build());
    }

    /**
     * The courses an assessment belongs to: the event's group, else the course the object is part of (Open edX
     * names it in the object's extensions).
     */
    private static List<String> courses(JsonNode item) {
        JsonNode group = item.path("group");
        if (group.isMissingNode()) {
            JsonNode object = item.path("object");
            group = object.has("isPartOf")
                    ? object.get("isPartOf")
                    : object.path("extensions").path("isPartOf");
        }
        if (group.isTextual()) {
            return List.of(group.asText());
        }
        if (!COURSES.contains(group.path("type").asText())) {
            return List.of();
        }
        List<String> courses = new ArrayList<>(List.of(idOf(group)));
        courses.addAll(sisCourse(group));
        return courses;
    }

    /** A course's catalog code as a catalog names it ({@code sis-course:CODE}), when the sensor gives one. */
    private static List<String> sisCourse(JsonNode course) {
        String number = course.path("courseNumber").asText("");
        return number.isBlank() ? List.of() : List.of(CourseCompleted.SIS_COURSE + number);
    }

    /** The raw score, and scaled by the maximum when there is one (extra credit counts as full marks). */
    private static Score scoreOf(JsonNode score) {
        double given = score.get("scoreGiven").asDouble();
        Score result = Score.newBuilder().setGiven(given).build();
        JsonNode max = score.path("maxScore");
        if (max.isNumber() && max.asDouble() > 0) {
            result.setMin(0.0);
            result.setMax(max.asDouble());
            result.setScaled(Math.max(-1, Math.min(1, given / max.asDouble())));
        }
        return result;
    }

    private static boolean isPerson(JsonNode agent) {
        return agent.isTextual() || "Person".equals(agent.path("type").asText());
    }

    private static String idOf(JsonNode entity) {
        return entity.isTextual() ? entity.asText() : entity.path("id").asText();
    }

    private static LearningEvent.Builder base(JsonNode item, String sensor, Instant receivedAt, JsonNode person) {
        String canvasHost =
                item.path("extensions").path(CANVAS).path("hostname").asText("");
        List<LearnerIdentifier> learner =
                CaliperLearners.of(person, sensor, canvasHost.isBlank() ? null : "https://" + canvasHost);
        JsonNode edApp = item.path("edApp");
        String system = edApp.isMissingNode() ? sensor : idOf(edApp);
        return LearningEvent.newBuilder()
                .setEventId(item.path("id").asText())
                .setSource(SOURCE)
                .setSourceSystem(system.isBlank() ? sensor : system)
                .setOccurredAt(occurredAt(item, receivedAt))
                .setReceivedAt(millis(receivedAt))
                .setLearnerIds(learner);
    }

    private static Instant occurredAt(JsonNode item, Instant receivedAt) {
        try {
            return millis(Instant.parse(item.path("eventTime").asText()));
        } catch (DateTimeParseException e) {
            // The schema checked eventTime is an RFC 3339 date-time; one Instant cannot read is dated on receipt.
            return millis(receivedAt);
        }
    }

    // The Avro field is timestamp-millis: an event built here must equal the one read back from Kafka.
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
