package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns a valid xAPI statement into a {@link LearningEvent} when CredBridge acts on it (an ADL
 * completed, passed, failed or scored verb on an Activity, or voided on a StatementRef) and into an
 * {@link IgnoredStatement} otherwise.
 */
@Component
class XapiStatementNormalizer {

    static final String SOURCE = "xapi";
    static final String ATTEMPT_ID_EXTENSION = "http://id.tincanapi.com/extension/attempt-id";

    /**
     * @param statement a statement {@link XapiStatementValidator} accepted, carrying its id (the
     *     ingest assigns one when the producer did not)
     * @param receivedAt when CredBridge accepted the request; also the occurrence time of a
     *     statement without timestamp
     */
    public Normalized normalize(JsonNode statement, Instant receivedAt) {
        String id = statement.path("id").asText(null);
        if (id == null) {
            throw new IllegalArgumentException("the statement has no id; assign one before normalizing it");
        }
        String verbId = statement.path("verb").path("id").asText();
        Optional<AdlVerb> verb = AdlVerb.of(verbId);
        if (verb.isEmpty()) {
            return ignored(
                    id, verbId, "CredBridge acts only on the ADL verbs completed, passed, failed, scored and voided");
        }
        String objectType = ObjectTypes.of(statement.get("object"));
        if (verb.get() == AdlVerb.VOIDED) {
            if (!"StatementRef".equals(objectType)) {
                return ignored(
                        id,
                        verbId,
                        "a voiding statement's object must be a StatementRef, not " + Phrases.withArticle(objectType));
            }
            return new Normalized.Event(voiding(id, statement, receivedAt));
        }
        if (!"Activity".equals(objectType)) {
            return ignored(id, verbId, "the object is " + Phrases.withArticle(objectType) + ", not an Activity");
        }
        return new Normalized.Event(event(id, verb.get(), statement, receivedAt));
    }

    /** The statement withdraws the one its StatementRef names; that one no longer counts towards anything. */
    private static LearningEvent voiding(String id, JsonNode statement, Instant receivedAt) {
        return base(id, statement, receivedAt)
                .setType(LearningEventType.VOIDED)
                .setObjectId(statement.path("object").path("id").asText())
                .setCourseIds(List.of())
                .build();
    }

    private static LearningEvent event(String id, AdlVerb verb, JsonNode statement, Instant receivedAt) {
        String objectId = statement.path("object").path("id").asText();
        boolean completion = verb.eventType() == LearningEventType.COURSE_COMPLETED;
        return base(id, statement, receivedAt)
                .setType(verb.eventType())
                .setObjectId(objectId)
                .setCourseIds(completion ? List.of(objectId) : CourseIds.ofAssessment(statement))
                .setScore(completion ? null : Scores.of(statement.path("result"), verb))
                .setAttemptId(completion ? null : attemptId(statement))
                .build();
    }

    /**
     * The attempt a graded statement reports on, when the LRS names it (the registry's attempt-id context
     * extension): a second statement for the same attempt is a regrade, not a new attempt.
     */
    private static String attemptId(JsonNode statement) {
        JsonNode attempt = statement.path("context").path("extensions").path(ATTEMPT_ID_EXTENSION);
        return attempt.isValueNode() && !attempt.asText().isBlank() ? attempt.asText() : null;
    }

    /** What every event from a statement carries: its id, source, times and actor. */
    private static LearningEvent.Builder base(String id, JsonNode statement, Instant receivedAt) {
        return LearningEvent.newBuilder()
                .setEventId(id)
                .setSource(SOURCE)
                .setSourceSystem(statement.path("context").path("platform").asText(null))
                .setOccurredAt(occurredAt(statement, receivedAt))
                .setReceivedAt(millis(receivedAt))
                .setLearnerIds(LearnerIds.of(statement.path("actor")));
    }

    private static Instant occurredAt(JsonNode statement, Instant receivedAt) {
        JsonNode timestamp = statement.get("timestamp");
        // Instant.parse takes any offset and reads a leap second (23:59:60) as :59, as ISO 8601 allows it.
        return millis(timestamp == null ? receivedAt : Instant.parse(timestamp.asText()));
    }

    // The Avro field is timestamp-millis: an event built here must equal the one read back from Kafka.
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Normalized ignored(String id, String verbId, String reason) {
        return new Normalized.Ignored(new IgnoredStatement(id, verbId, reason));
    }
}
