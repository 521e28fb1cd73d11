package io.credbridge.award;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.avro.Score;
import java.time.Instant;
import java.util.List;

/** Learning events for tests, built the way the xAPI normalizer builds them. */
public final class LearningEvents {

    public static final String HOME = "https://lms.example.edu";

    private LearningEvents() {}

    public static LearningEvent completed(String eventId, String learner, String course, Instant at) {
        return base(eventId, learner, course, at)
                .setType(LearningEventType.COURSE_COMPLETED)
                .setCourseIds(List.of(course))
                .build();
    }

    public static LearningEvent scored(String eventId, String learner, String assessment, double scaled, Instant at) {
        return base(eventId, learner, assessment, at)
                .setType(LearningEventType.ASSESSMENT_GRADED)
                .setScore(Score.newBuilder().setScaled(scaled).build())
                .build();
    }

    public static LearningEvent graded(String eventId, String learner, String assessment, Boolean passed, Instant at) {
        return base(eventId, learner, assessment, at)
                .setType(LearningEventType.ASSESSMENT_GRADED)
                .setScore(Score.newBuilder().setPassed(passed).build())
                .build();
    }

    private static LearningEvent.Builder base(String eventId, String learner, String objectId, Instant at) {
        return LearningEvent.newBuilder()
                .setEventId(eventId)
                .setSource("xapi")
                .setOccurredAt(at)
                .setReceivedAt(at.plusSeconds(1))
                .setLearnerIds(List.of(LearnerIdentifier.newBuilder()
                        .setScheme("account")
                        .setValue(learner)
                        .setNamespace(HOME)
                        .build()))
                .setObjectId(objectId)
                .setCourseIds(List.of());
    }
}
