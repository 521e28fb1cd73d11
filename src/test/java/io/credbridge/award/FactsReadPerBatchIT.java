package io.credbridge.award;

import static io.credbridge.award.LearningEvents.completed;
import static io.credbridge.award.LearningEvents.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearningEvent;
import io.credbridge.catalog.AnyOf;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.Criterion;
import io.credbridge.catalog.ScoreOperator;
import io.credbridge.catalog.ScoreScale;
import io.credbridge.identity.IdentityMappings;
import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch reads the facts its events' credentials judge, not each learner's whole history: the facts on the events'
 * activities, and on every requirement of the credentials listening to them and of those stacked on them
 * ({@code CredentialCatalogTest}). A fact left out would make a criterion look unmet, and an award would be revoked
 * that still holds.
 */
class FactsReadPerBatchIT {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String EXAM = "https://lms.example.edu/assessments/final";
    static final String PROJECT = "https://lms.example.edu/courses/project";
    static final String ELSEWHERE = "https://lms.example.edu/courses/unrelated";

    /** The exam badge, and a certificate held through the badge or through the project course. */
    static final CredentialCatalog CATALOG = CredentialCatalog.of(List.of(
            CredentialEvaluatorTest.definition(
                    "exam-badge",
                    new AssessmentScore(
                            EXAM,
                            null,
                            0.8,
                            ScoreOperator.of(">="),
                            ScoreScale.SCALED,
                            AttemptRule.LATEST,
                            null,
                            null)),
            CredentialEvaluatorTest.definition(
                    "certificate",
                    new AnyOf(List.<Criterion>of(new CredentialHeld("exam-badge"), new CourseCompleted(PROJECT))))));

    MigratedDatabase database;
    AwardStage stage;
    AwardLedger ledger;
    long offset;

    @BeforeEach
    void stage() {
        database = MigratedDatabase.of(H2TestDatabase.newDataSource());
        ledger = new AwardLedger(database.jdbc());
        stage = AwardStages.on(
                database,
                CATALOG,
                AwardStages.everyoneIs("alice"),
                LearnerShards.none(),
                new MutableClock(T0.plusSeconds(3600)));
    }

    @Test
    void aBatchReadsTheFactsItsEventsCredentialsJudgeAndNotTheRestOfTheLearnersHistory() {
        ledger.recordFacts(List.of(
                Facts.scored("alice", "e1", EXAM, 0.9, T0),
                Facts.completed("alice", "p1", PROJECT, T0),
                Facts.completed("alice", "u1", ELSEWHERE, T0)));
        Learners learners = new Learners(ledger, CATALOG, new IdentityMappings(database.jdbc()));

        LearnerProgress forExamEvents = learners.progressForEvents(List.of("alice"), Set.of(EXAM), false)
                .get("alice");
        LearnerProgress forVoidingBatch =
                learners.progressForEvents(List.of("alice"), Set.of(EXAM), true).get("alice");

        assertThat(forExamEvents.factsOn(EXAM)).hasSize(1);
        assertThat(forExamEvents.factsOn(PROJECT)).hasSize(1);
        assertThat(forExamEvents.factsOn(ELSEWHERE)).isEmpty();
        assertThat(forVoidingBatch.factsOn(ELSEWHERE))
                .as("a void's fact may be on any activity")
                .hasSize(1);
    }

    @Test
    void aCertificateStillHeldThroughAnEarlierBatchsCourseSurvivesTheRevocationOfTheBadgeItAlsoStacksOn()
            throws IOException {
        stage.process(List.of(record(completed("p1", "alice", PROJECT, T0))));
        stage.process(List.of(record(scored("e1", "alice", EXAM, 0.9, T0.plusSeconds(60)))));

        AwardStage.BatchResult regraded =
                stage.process(List.of(record(scored("e2", "alice", EXAM, 0.5, T0.plusSeconds(120)))));

        assertThat(regraded.revokedCredentials()).containsExactly("exam-badge");
        Map<String, String> statusByCredential = new java.util.HashMap<>();
        ledger.awardsOf("alice").forEach(award -> statusByCredential.put(award.credentialId(), award.status()));
        assertThat(statusByCredential).containsEntry("exam-badge", "REVOKED").containsEntry("certificate", "ACTIVE");
    }

    private ConsumedRecord record(LearningEvent event) throws IOException {
        return AwardStages.record(offset++, event);
    }
}
