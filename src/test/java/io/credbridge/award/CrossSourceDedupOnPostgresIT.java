package io.credbridge.award;

import static io.credbridge.award.LearningEvents.completed;
import static io.credbridge.award.LearningEvents.graded;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearningEvent;
import io.credbridge.catalog.AssessmentPassed;
import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.identity.IdentityMappings;
import io.credbridge.identity.LearnerIdentities;
import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same completion and the same grade arriving from Canvas and through an LRS, in separate polls (as after a
 * restart) and in either order, on PostgreSQL: the learner's completion and attempt count once.
 */
@RequiresPostgres
@Timeout(60)
class CrossSourceDedupOnPostgresIT {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String COURSE = "https://canvas.example.edu/courses/7";
    static final String EXAM = "https://canvas.example.edu/courses/7/quizzes/3";
    static final CredentialCatalog CATALOG = CredentialCatalog.of(List.of(
            CredentialEvaluatorTest.definition("course-badge", new CourseCompleted(COURSE)),
            CredentialEvaluatorTest.definition("practised", new AssessmentPassed(EXAM, AttemptRule.BEST, 2, null))));

    MigratedDatabase database;
    AwardLedger ledger;
    long offset;

    @BeforeEach
    void database() {
        database = MigratedDatabase.of(PostgresTestDatabase.newSchemaDataSource());
        ledger = new AwardLedger(database.jdbc());
    }

    @Test
    void aCompletionFromCanvasAndFromTheLrsIsOneCompletionWhicheverCameFirst() throws IOException {
        AwardStage stage = stage(Duration.ofMinutes(5));
        stage.process(List.of(record(from("canvas", completed("canvas-1", "alice", COURSE, T0.plusSeconds(30))))));
        stage.process(List.of(record(completed("lrs-1", "alice", COURSE, T0))));

        assertThat(ledger.awardsOf("alice")).singleElement().satisfies(award -> {
            assertThat(award.credentialId()).isEqualTo("course-badge");
            // The award came from the copy that arrived first; the later copy made no second one.
            assertThat(award.evidenceEventIds()).containsExactly("canvas-1");
        });
        assertThat(learners(Duration.ofMinutes(5)).progressOf("alice").factsOn(COURSE))
                .extracting(LearnerFact::eventId)
                .containsExactly("lrs-1");
        assertThat(learners(Duration.ZERO).progressOf("alice").factsOn(COURSE))
                .extracting(LearnerFact::eventId)
                .containsExactlyInAnyOrder("lrs-1", "canvas-1");
    }

    @Test
    void aGradeFromCanvasAndFromTheLrsIsOneAttemptSoAMinimumOfTwoIsNotMet() throws IOException {
        AwardStage stage = stage(Duration.ofMinutes(5));
        stage.process(List.of(record(graded("lrs-1", "alice", EXAM, true, T0.plusSeconds(20)))));
        stage.process(List.of(record(from("canvas", graded("canvas-1", "alice", EXAM, true, T0)))));

        assertThat(ledger.awardsOf("alice")).isEmpty();

        stage.process(List.of(record(graded("lrs-2", "alice", EXAM, true, T0.plus(Duration.ofHours(1))))));
        assertThat(ledger.awardsOf("alice"))
                .singleElement()
                .satisfies(award -> assertThat(award.credentialId()).isEqualTo("practised"));
    }

    @Test
    void withoutAWindowBothReportsCountAsTwoAttempts() throws IOException {
        AwardStage stage = stage(Duration.ZERO);
        stage.process(List.of(record(graded("lrs-1", "alice", EXAM, true, T0.plusSeconds(20)))));
        stage.process(List.of(record(from("canvas", graded("canvas-1", "alice", EXAM, true, T0)))));

        assertThat(ledger.awardsOf("alice"))
                .singleElement()
                .satisfies(award -> assertThat(award.credentialId()).isEqualTo("practised"));
    }

    private AwardStage stage(Duration window) {
        LearnerIdentities identities = AwardStages.everyoneIs("alice");
        return AwardStages.on(
                database,
                CATALOG,
                identities,
                LearnerShards.none(),
                new MutableClock(T0.plus(Duration.ofHours(2))),
                new CrossSourceDuplicates(window));
    }

    private Learners learners(Duration window) {
        return new Learners(ledger, CATALOG, new IdentityMappings(database.jdbc()), new CrossSourceDuplicates(window));
    }

    private static LearningEvent from(String source, LearningEvent event) {
        return LearningEvent.newBuilder(event).setSource(source).build();
    }

    private ConsumedRecord record(LearningEvent event) throws IOException {
        return AwardStages.record(offset++, event);
    }
}
