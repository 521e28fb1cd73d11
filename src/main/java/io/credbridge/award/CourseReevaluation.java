package io.credbridge.award;

import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.identity.CourseMapping;
import io.credbridge.identity.CourseMappingListener;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxRelay;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When an LMS course is mapped to a SIS course, the learners who completed it are judged again against the
 * credentials that name that SIS course: their completions count from now on, without waiting for their next
 * event. A chunk of learners per transaction, each writing its awards and outbox rows together.
 */
@Component
class CourseReevaluation implements CourseMappingListener {

    static final int CHUNK = 500;
    static final String SOURCE = "course-mapping";

    private final CredentialCatalog catalog;
    private final AwardLedger ledger;
    private final Learners learners;
    private final CredentialEvaluator evaluator;
    private final AwardEffects effects;
    private final TransactionTemplate transactions;
    private final OutboxRelay relay;
    private final CredBridgeMetrics metrics;
    private final Clock clock;

    CourseReevaluation(
            CredentialCatalog catalog,
            AwardLedger ledger,
            Learners learners,
            CredentialEvaluator evaluator,
            AwardEffects effects,
            TransactionTemplate transactions,
            OutboxRelay relay,
            CredBridgeMetrics metrics,
            Clock clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.learners = learners;
        this.evaluator = evaluator;
        this.effects = effects;
        this.transactions = transactions;
        this.relay = relay;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void coursesMapped(List<CourseMapping> courses) {
        for (CourseMapping course : courses) {
            List<CredentialDefinition> listening =
                    catalog.credentialsListeningTo(CourseCompleted.SIS_COURSE + course.sisCourseCode());
            if (listening.isEmpty()) {
                continue;
            }
            String cause = "the mapping of " + course.lmsCourseId() + " to " + course.sisCourseCode();
            List<String> completers = ledger.learnersWithFactsOn(course.lmsCourseId());
            for (int from = 0; from < completers.size(); from += CHUNK) {
                List<String> chunk = completers.subList(from, Math.min(completers.size(), from + CHUNK));
                AwardEffects.Written written = transactions.execute(status -> {
                    Map<String, LearnerProgress> progress = learners.progressOf(chunk, List.of());
                    List<AwardEffect> decided = new ArrayList<>();
                    progress.values()
                            .forEach(
                                    learner -> decided.addAll(evaluator.reconsider(listening, learner, SOURCE, cause)));
                    return effects.write(decided, clock.instant());
                });
                written.issued()
                        .forEach(award ->
                                metrics.awarded(SOURCE, award.credential().id()));
                written.revoked()
                        .forEach(ended -> metrics.awardChanged(
                                AwardEndings.REVOKED, ended.award().credentialId()));
                relay.wakeUp();
            }
        }
    }
}
