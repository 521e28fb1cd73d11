package io.credbridge.award;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.avro.Score;
import io.credbridge.catalog.ScoreScale;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * One thing a learner did on one activity, as an event reported it: a completion, or a graded attempt with its
 * score. Criteria are judged from these facts, not from events as they arrive, so the same events end in the same
 * awards in any arrival order, and a fact that changes (a regrade, a void) changes the outcome.
 *
 * @param attemptId the source's id of the attempt, when it gave one: a later event with the same id regrades that
 *     attempt; without one every graded event is an attempt of its own
 * @param source the ingest channel the event came through (the LearningEvent's source), or null when unknown (facts
 *     recorded before it was kept): two sources may report the same completion, see {@link CrossSourceDuplicates}
 */
record LearnerFact(
        String learnerId,
        String eventId,
        String activityId,
        Kind kind,
        String attemptId,
        Instant occurredAt,
        Double rawScore,
        Double scaledScore,
        Boolean passed,
        String source) {

    /** A fact whose source is not known. */
    LearnerFact(
            String learnerId,
            String eventId,
            String activityId,
            Kind kind,
            String attemptId,
            Instant occurredAt,
            Double rawScore,
            Double scaledScore,
            Boolean passed) {
        this(learnerId, eventId, activityId, kind, attemptId, occurredAt, rawScore, scaledScore, passed, null);
    }

    /** In the order the learner did them; the event id settles a tie the same way every time. */
    static final Comparator<LearnerFact> CHRONOLOGICAL =
            Comparator.comparing(LearnerFact::occurredAt).thenComparing(LearnerFact::eventId);

    enum Kind {
        COMPLETED,
        GRADED
    }

    /** The fact an event states, if it states one the criteria can use (a completion or a graded attempt). */
    static Optional<LearnerFact> of(LearningEvent event, String learnerId) {
        if (event.getType() == LearningEventType.COURSE_COMPLETED) {
            return Optional.of(new LearnerFact(
                    learnerId,
                    event.getEventId(),
                    event.getObjectId(),
                    Kind.COMPLETED,
                    null,
                    event.getOccurredAt(),
                    null,
                    null,
                    null,
                    event.getSource()));
        }
        if (event.getType() == LearningEventType.ASSESSMENT_GRADED) {
            Score score = event.getScore();
            return Optional.of(new LearnerFact(
                    learnerId,
                    event.getEventId(),
                    event.getObjectId(),
                    Kind.GRADED,
                    event.getAttemptId(),
                    event.getOccurredAt(),
                    score == null ? null : score.getGiven(),
                    score == null ? null : score.getScaled(),
                    score == null ? null : score.getPassed(),
                    event.getSource()));
        }
        return Optional.empty();
    }

    /** The attempt's score on the scale a requirement reads; null when the source did not report it. */
    Double score(ScoreScale scale) {
        return scale == ScoreScale.RAW ? rawScore : scaledScore;
    }

    /** Which attempt this fact is about: the source's attempt id, or the event itself. */
    String attemptKey() {
        return attemptId != null ? "attempt:" + attemptId : "event:" + eventId;
    }
}
