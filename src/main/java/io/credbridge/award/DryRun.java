package io.credbridge.award;

import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.Requirement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Evaluates a draft definition against what learners have achieved so far, awarding nothing: how many would
 * hold it, and a sample of who and on what evidence. Learners are read a chunk at a time, so a large population
 * does not have to fit in memory at once.
 */
@Component
class DryRun {

    static final int SAMPLE = 20;
    static final int CHUNK = 1000;

    private final AwardLedger ledger;
    private final CredentialEvaluator evaluator;
    private final Clock clock;
    private final Learners learners;

    DryRun(AwardLedger ledger, CredentialEvaluator evaluator, Clock clock, Learners learners) {
        this.ledger = ledger;
        this.evaluator = evaluator;
        this.clock = clock;
        this.learners = learners;
    }

    Result of(CredentialDefinition draft) {
        Instant now = clock.instant();
        List<String> activities = draft.allCriteria()
                .requirements()
                .map(Requirement::activityId)
                .distinct()
                .toList();
        boolean namesSisCourse =
                activities.stream().anyMatch(activity -> activity.startsWith(CourseCompleted.SIS_COURSE));
        List<String> candidates = ledger.learnersWithAnyOf(
                learners.factActivities(activities),
                draft.allCriteria().credentialsHeld().distinct().toList());
        int wouldHold = 0;
        int holdAlready = 0;
        List<Match> sample = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            Map<String, LearnerProgress> progress = learners.progressOf(chunk, List.of(), namesSisCourse);
            for (String learnerId : chunk) {
                LearnerProgress learner = progress.get(learnerId);
                var evidence = evaluator.qualification(draft, learner, now);
                if (evidence.isEmpty()) {
                    continue;
                }
                wouldHold++;
                if (learner.holdsActive(draft.id())) {
                    holdAlready++;
                }
                if (sample.size() < SAMPLE) {
                    sample.add(new Match(
                            learnerId, evidence.get().earnedAt(), evidence.get().eventIds()));
                }
            }
        }
        return new Result(draft.id(), draft.version(), candidates.size(), wouldHold, holdAlready, sample);
    }

    /**
     * @param learnersConsidered learners with facts on any of the draft's activities, or holding a credential it uses
     * @param wouldHold learners who meet the draft's criteria now
     * @param holdAlready of those, learners who already hold an active award of a credential with the draft's id
     */
    record Result(
            String credentialId,
            int version,
            int learnersConsidered,
            int wouldHold,
            int holdAlready,
            List<Match> sample) {}

    record Match(String learnerId, Instant earnedAt, List<String> evidence) {}
}
