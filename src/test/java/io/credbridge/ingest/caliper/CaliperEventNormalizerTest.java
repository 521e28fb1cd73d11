package io.credbridge.ingest.caliper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaliperEventNormalizerTest {

    static final String SENSOR = "https://courses.example.edu";
    static final Instant RECEIVED = Instant.parse("2026-11-30T10:00:00.123Z");

    private final CaliperEventNormalizer normalizer = new CaliperEventNormalizer();

    @Test
    void aGradeIsTheScoreOfTheAttemptOnTheAssessmentForTheAssigneeNotTheGrader() {
        CaliperItem item = normalize("""
                {"id": "urn:uuid:a50ca17f-5971-47bb-8fca-4e6e6879001d", "type": "GradeEvent", "action": "Graded",
                 "actor": {"id": "https://example.edu/autograder", "type": "SoftwareApplication"},
                 "object": {"id": "https://example.edu/assess/1/users/554433/attempts/1", "type": "Attempt",
                            "assignee": {"id": "https://example.edu/users/554433", "type": "Person",
                                         "extensions": {"com.instructure.canvas": {"sis_id": "S-554433"}}},
                            "assignable": "https://example.edu/assess/1"},
                 "generated": {"id": "https://example.edu/scores/1", "type": "Score", "scoreGiven": 12.0,
                               "maxScore": 15.0},
                 "eventTime": "2016-11-15T10:57:06.000Z", "edApp": {"id": "https://example.edu", "type": "SoftwareApplication"},
                 "group": "https://example.edu/terms/201601/courses/7/sections/1"}
                """);

        LearningEvent event = item.learningEvent().orElseThrow();
        assertThat(item.kind()).isEqualTo("GradeEvent.Graded");
        assertThat(event.getEventId()).isEqualTo("urn:uuid:a50ca17f-5971-47bb-8fca-4e6e6879001d");
        assertThat(event.getSource()).isEqualTo("caliper");
        assertThat(event.getSourceSystem()).isEqualTo("https://example.edu");
        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getLearnerIds())
                .containsExactly(
                        new LearnerIdentifier("account", "554433", "https://example.edu/users"),
                        new LearnerIdentifier("account", "S-554433", SENSOR + "/sis_user_id"));
        assertThat(event.getObjectId()).isEqualTo("https://example.edu/assess/1");
        assertThat(event.getAttemptId()).isEqualTo("https://example.edu/assess/1/users/554433/attempts/1");
        assertThat(event.getCourseIds()).containsExactly("https://example.edu/terms/201601/courses/7/sections/1");
        assertThat(event.getScore().getGiven()).isEqualTo(12.0);
        assertThat(event.getScore().getMin()).isEqualTo(0.0);
        assertThat(event.getScore().getMax()).isEqualTo(15.0);
        assertThat(event.getScore().getScaled()).isEqualTo(0.8);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2016-11-15T10:57:06.000Z"));
        assertThat(event.getReceivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void anOpenEdxGradeReadsTheScoreItWrapsAndTheAssessmentFromTheAttemptsExtensions() {
        CaliperItem item = normalize("""
                {"id": "urn:uuid:129915b8-4455-46d9-9da5-ef0707fddc06", "type": "GradeEvent", "action": "Graded",
                 "actor": {"id": "http://localhost:18000/user/32e08e30", "type": "Person"},
                 "object": {"id": "http://localhost:18000/xblock/p1/user/32e08e30/attempt/10", "type": "Attempt",
                            "extensions": {"assignable": {"id": "http://localhost:18000/xblock/p1", "type": "Assessment"},
                                           "isPartOf": {"id": "http://localhost:18000/course/course-v1:edX+DemoX",
                                                        "type": "CourseOffering"}}},
                 "generated": {"score": {"id": "_:score", "scoreGiven": 0, "maxScore": 1, "type": "Score"}},
                 "eventTime": "2020-07-14T14:39:26.906Z"}
                """);

        LearningEvent event = item.learningEvent().orElseThrow();
        assertThat(event.getLearnerIds())
                .containsExactly(new LearnerIdentifier("account", "32e08e30", "http://localhost:18000/user"));
        assertThat(event.getSourceSystem()).isEqualTo(SENSOR);
        assertThat(event.getObjectId()).isEqualTo("http://localhost:18000/xblock/p1");
        assertThat(event.getCourseIds()).containsExactly("http://localhost:18000/course/course-v1:edX+DemoX");
        assertThat(event.getScore().getGiven()).isEqualTo(0.0);
        assertThat(event.getScore().getScaled()).isEqualTo(0.0);
    }

    @Test
    void aSubmittedAssessmentIsAnAttemptWithoutAScoreYet() {
        LearningEvent event = normalize("""
                {"id": "urn:uuid:c51570e4-f8ed-4c18-bb3a-dfe51b2cc594", "type": "AssessmentEvent", "action": "Submitted",
                 "actor": "https://example.edu/users/554433",
                 "object": {"id": "https://example.edu/assess/1", "type": "Assessment"},
                 "generated": {"id": "https://example.edu/assess/1/users/554433/attempts/1", "type": "Attempt"},
                 "group": {"id": "https://example.edu/sections/1", "type": "CourseSection", "courseNumber": "CPS 435"},
                 "eventTime": "2016-11-15T10:25:30.000Z"}
                """).learningEvent().orElseThrow();

        assertThat(event.getType()).isEqualTo(LearningEventType.ASSESSMENT_GRADED);
        assertThat(event.getObjectId()).isEqualTo("https://example.edu/assess/1");
        assertThat(event.getAttemptId()).isEqualTo("https://example.edu/assess/1/users/554433/attempts/1");
        assertThat(event.getScore()).isNull();
        assertThat(event.getCourseIds()).containsExactly("https://example.edu/sections/1", "sis-course:CPS 435");
    }

    @Test
    void aCompletedAssignableAndACompletedCourseAreCompletions() {
        LearningEvent assignable = normalize("""
                {"id": "urn:uuid:2635f9a9-4e0c-4c62-8a3c-8a3e2e0c0b8a", "type": "AssignableEvent", "action": "Completed",
                 "actor": {"id": "https://example.edu/users/554433", "type": "Person"},
                 "object": {"id": "https://example.edu/assign/2", "type": "AssignableDigitalResource"},
                 "eventTime": "2016-11-15T10:25:30.000Z"}
                """).learningEvent().orElseThrow();
        LearningEvent course = normalize("""
                {"id": "urn:uuid:b52eb5c3-350f-45c2-9f03-aa642b7ad30d", "type": "Event", "action": "Completed",
                 "actor": {"id": "http://localhost:18000/user/32e08e30", "type": "Person"},
                 "object": {"id": "http://localhost:18000/course/course-v1:edX+DemoX", "type": "CourseOffering",
                            "courseNumber": "DemoX"},
                 "eventTime": "2020-07-15T06:36:01.917Z"}
                """).learningEvent().orElseThrow();

        assertThat(assignable.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(assignable.getObjectId()).isEqualTo("https://example.edu/assign/2");
        assertThat(assignable.getCourseIds()).containsExactly("https://example.edu/assign/2");
        assertThat(course.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(course.getObjectId()).isEqualTo("http://localhost:18000/course/course-v1:edX+DemoX");
        assertThat(course.getCourseIds())
                .containsExactly("http://localhost:18000/course/course-v1:edX+DemoX", "sis-course:DemoX");
        assertThat(course.getScore()).isNull();
    }

    @Test
    void otherEventsEntitiesAndGradesWithoutALearnerAreIgnoredWithTheReason() {
        CaliperItem viewed = normalize("""
                {"id": "urn:uuid:ff9ec22a-fc59-4ae1-ae8d-2c9463ee2f8f", "type": "ViewEvent", "action": "Viewed",
                 "actor": "https://example.edu/users/554433", "object": "https://example.edu/etexts/201.epub",
                 "eventTime": "2016-11-15T10:15:00.000Z"}
                """);
        CaliperItem page = normalize("""
                {"id": "urn:uuid:ff9ec22a-fc59-4ae1-ae8d-2c9463ee2f80", "type": "Event", "action": "Completed",
                 "actor": "https://example.edu/users/554433", "object": {"id": "https://example.edu/p/1", "type": "Page"},
                 "eventTime": "2016-11-15T10:15:00.000Z"}
                """);
        CaliperItem person = normalize("{\"id\": \"https://example.edu/users/554433\", \"type\": \"Person\"}");
        CaliperItem anonymousGrade = normalize("""
                {"id": "urn:uuid:ff9ec22a-fc59-4ae1-ae8d-2c9463ee2f81", "type": "GradeEvent", "action": "Graded",
                 "actor": {"id": "https://example.edu/autograder", "type": "SoftwareApplication"},
                 "object": "https://example.edu/attempts/1",
                 "generated": {"id": "https://example.edu/scores/1", "type": "Score", "scoreGiven": 1.0},
                 "eventTime": "2016-11-15T10:15:00.000Z"}
                """);

        assertThat(viewed.learningEvent()).isEmpty();
        assertThat(viewed.kind()).isEqualTo("ViewEvent.Viewed");
        assertThat(viewed.ignoredBecause()).contains("does not act on ViewEvent Viewed");
        assertThat(page.ignoredBecause()).contains("CourseOffering or CourseSection");
        assertThat(person.kind()).isEqualTo("Person");
        assertThat(person.ignoredBecause()).contains("entity describe");
        assertThat(anonymousGrade.ignoredBecause()).contains("names no learner");
    }

    private CaliperItem normalize(String item) {
        try {
            JsonNode json = new ObjectMapper().readTree(item);
            return normalizer.normalize(json, SENSOR, RECEIVED);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
