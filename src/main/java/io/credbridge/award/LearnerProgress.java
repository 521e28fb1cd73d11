package io.credbridge.award;

import io.credbridge.catalog.CourseCompleted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one learner has done and holds: their facts per activity and their active awards. Loaded for a batch, then
 * updated as the batch's events are applied, so each event sees the ones before it.
 */
final class LearnerProgress {

    private final String learnerId;
    private final Map<String, List<LearnerFact>> factsByActivity = new HashMap<>();
    private final Map<String, LearnerFact> factsByEvent = new HashMap<>();
    private final Map<String, HeldAward> held = new HashMap<>();
    private final Map<String, String> sisCourseByActivity = new HashMap<>();
    private String sisPersonId;
    private CrossSourceDuplicates duplicates = CrossSourceDuplicates.NONE;

    LearnerProgress(String learnerId) {
        this.learnerId = learnerId;
    }

    String learnerId() {
        return learnerId;
    }

    /** The learner's SIS person id, when the identity mapping knows it; null otherwise. */
    String sisPersonId() {
        return sisPersonId;
    }

    /** Remembers the SIS person id an event's learner resolved to, for the awards made from it. */
    void knowSisPersonId(String sisPersonId) {
        if (sisPersonId != null) {
            this.sisPersonId = sisPersonId;
        }
    }

    /** How the same fact reported by two sources is recognised, so that it counts once. */
    void countOnce(CrossSourceDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    /**
     * The learner's facts on the activity, in no particular order, each counted once however many sources reported
     * it. For a SIS course ({@code sis-course:CODE}), the facts on every LMS course mapped to it.
     */
    List<LearnerFact> factsOn(String activityId) {
        if (!activityId.startsWith(CourseCompleted.SIS_COURSE)) {
            return duplicates.countedOnce(factsByActivity.getOrDefault(activityId, List.of()));
        }
        List<LearnerFact> facts = new ArrayList<>();
        sisCourseByActivity.forEach((lmsCourse, sisCourse) -> {
            if (sisCourse.equals(activityId)) {
                facts.addAll(factsByActivity.getOrDefault(lmsCourse, List.of()));
            }
        });
        return duplicates.countedOnce(facts);
    }

    /** The SIS course ({@code sis-course:CODE}) the LMS course is mapped to, if it is. */
    Optional<String> sisCourseOf(String activityId) {
        return Optional.ofNullable(sisCourseByActivity.get(activityId));
    }

    /** Learns which SIS course an LMS course stands for, so criteria naming the SIS course count its facts. */
    void mapCourse(String lmsCourse, String sisCourseCode) {
        sisCourseByActivity.put(lmsCourse, CourseCompleted.SIS_COURSE + sisCourseCode);
    }

    /** Every activity the learner has a fact on. */
    Set<String> activities() {
        return factsByActivity.keySet();
    }

    /** Records a fact; false when the learner has it already (the same event). */
    boolean record(LearnerFact fact) {
        if (factsByEvent.putIfAbsent(fact.eventId(), fact) != null) {
            return false;
        }
        factsByActivity
                .computeIfAbsent(fact.activityId(), activity -> new ArrayList<>())
                .add(fact);
        return true;
    }

    /** Withdraws the fact the event stated (its source voided it), if the learner has it. */
    Optional<LearnerFact> forget(String eventId) {
        LearnerFact fact = factsByEvent.remove(eventId);
        if (fact != null) {
            factsByActivity.get(fact.activityId()).remove(fact);
        }
        return Optional.ofNullable(fact);
    }

    boolean holdsActive(String credentialId) {
        return held.containsKey(credentialId);
    }

    /**
     * The evidence of the learner's award of the credential, if they hold one that is active and not expired at
     * {@code at}: an expired part never counts, even before the expiry sweep has marked it.
     */
    Optional<Evidence> held(String credentialId, Instant at) {
        return heldAward(credentialId).filter(award -> award.countsAt(at)).map(HeldAward::evidence);
    }

    /** The learner's active award of the credential, expired or not, when it was loaded or made here. */
    Optional<HeldAward> heldAward(String credentialId) {
        return Optional.ofNullable(held.get(credentialId));
    }

    void hold(String credentialId, HeldAward award) {
        held.put(credentialId, award);
    }

    /** The learner no longer holds the credential: its award was revoked or expired. */
    void release(String credentialId) {
        held.remove(credentialId);
    }
}
