package io.credbridge.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.catalog.AnyOf;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.Criterion;
import io.credbridge.catalog.Definitions;
import io.credbridge.catalog.ScoreScale;
import io.credbridge.identity.IdentityMappings;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxRelay;
import io.credbridge.outbox.OutboxStore;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.Mockito;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revocation cascades on a real database, three levels deep: who loses what, and what each destination hears.
 * Run on the embedded default and on PostgreSQL.
 */
@Timeout(60)
abstract class AwardRevocationContract {

    /** A fresh, empty database. */
    abstract DataSource dataSource();

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String C1 = "https://lms.example.edu/courses/1";
    static final String C2 = "https://lms.example.edu/courses/2";
    static final String C3 = "https://lms.example.edu/courses/3";

    static final CredentialCatalog CATALOG = CredentialCatalog.of(List.of(
            CredentialEvaluatorTest.definition("badge-one", new CourseCompleted(C1)),
            CredentialEvaluatorTest.definition("badge-two", new CourseCompleted(C2)),
            CredentialEvaluatorTest.definition(
                    "certificate", new CredentialHeld("badge-one"), new CredentialHeld("badge-two")),
            CredentialEvaluatorTest.definition("diploma", new CredentialHeld("certificate")),
            CredentialEvaluatorTest.definition(
                    "either",
                    new AnyOf(List.<Criterion>of(new CredentialHeld("badge-one"), new CourseCompleted(C3))))));

    private final MutableClock clock = new MutableClock(T0);
    private final RecordedRevocations revocations = new RecordedRevocations();
    private NamedParameterJdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private AwardLedger ledger;
    private AwardRevocation revocation;
    private CredentialEvaluator evaluator;

    @BeforeEach
    void migrate() {
        MigratedDatabase database = MigratedDatabase.of(dataSource());
        jdbc = database.jdbc();
        transactions = database.transactions();
        ledger = new AwardLedger(jdbc);
        evaluator = new CredentialEvaluator(CATALOG, clock);
        revocation = new AwardRevocation(
                ledger,
                CATALOG,
                new AwardEndings(ledger, CATALOG, new OutboxStore(jdbc), revocations),
                Mockito.mock(OutboxRelay.class),
                transactions,
                new CredBridgeMetrics(new SimpleMeterRegistry()),
                clock,
                new Learners(ledger, CATALOG, new IdentityMappings(jdbc)));
    }

    @Test
    void revokingABadgeRevokesEveryAwardThatNoLongerHoldsWithoutItToAnyDepthAndKeepsTheRest() {
        Map<String, Award> held = earn("alice", C1, C3, C2);
        assertThat(held).containsOnlyKeys("badge-one", "badge-two", "certificate", "diploma", "either");

        List<EndedAward> revoked =
                revocation.revoke(held.get("badge-one").awardId(), "course record corrected", "registrar");

        assertThat(revoked).extracting(EndedAward::credentialId).containsExactly("badge-one", "certificate", "diploma");
        assertThat(revocations.calls())
                .as("the status lists hear of every revoked award, in the revoking transaction")
                .containsExactly(new RecordedRevocations.Call(
                        revoked.stream().map(each -> each.award().awardId()).toList(), T0, true));
        assertThat(revoked.get(2).reason()).startsWith("stacked on certificate, which was revoked");
        assertThat(status(held.get("either")))
                .as("any-of still holds through course 3")
                .isEqualTo("ACTIVE");
        assertThat(status(held.get("badge-two"))).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForList(
                        "select event_type from outbox_event where aggregate_id = :award order by seq",
                        Map.of("award", held.get("diploma").awardId()),
                        String.class))
                .containsExactly("award.revoked", "award.revoked");
        assertThatThrownBy(() -> revocation.revoke(held.get("badge-one").awardId(), "again", "registrar"))
                .isInstanceOf(AwardRevocation.AwardNotActiveException.class)
                .hasMessageContaining("REVOKED already");
    }

    @Test
    void aVoidedEventRevokesOnlyWhatNoLongerHoldsAndNothingWhoseDefinitionKeepsIt() {
        CredentialDefinition kept = Definitions.keptOnRegression(Definitions.badge("kept", new CourseCompleted(C1)));
        CredentialCatalog catalog = CredentialCatalog.of(List.of(
                kept,
                CredentialEvaluatorTest.definition("badge-one", new CourseCompleted(C1)),
                CredentialEvaluatorTest.definition(
                        "either", new AnyOf(List.<Criterion>of(new CourseCompleted(C1), new CourseCompleted(C3))))));
        evaluator = new CredentialEvaluator(catalog, clock);
        Map<String, Award> held = earn("bob", C1, C3);
        AwardEffects effects = new AwardEffects(
                ledger, new AwardEndings(ledger, catalog, new OutboxStore(jdbc), revocations), new OutboxStore(jdbc));

        List<EndedAward> revoked = transactions.execute(status -> {
            LearnerProgress bob = ledger.progressOf(List.of("bob")).get("bob");
            List<AwardEffect> decided =
                    evaluator.withdraw("e-" + C1, voiding("e-" + C1).event(), bob);
            ledger.forgetFacts(List.of("e-" + C1));
            return effects.write(decided, T0.plusSeconds(60)).revoked();
        });

        assertThat(revoked).extracting(EndedAward::credentialId).containsExactly("badge-one");
        assertThat(revocations.calls())
                .containsExactly(new RecordedRevocations.Call(
                        List.of(held.get("badge-one").awardId()), T0.plusSeconds(60), true));
        assertThat(status(held.get("kept"))).as("its definition keeps it").isEqualTo("ACTIVE");
        assertThat(status(held.get("either"))).as("course 3 still meets it").isEqualTo("ACTIVE");
        assertThat(ledger.progressOf(List.of("bob")).get("bob").factsOn(C1))
                .as("the voided event no longer counts")
                .isEmpty();
    }

    private static Intake.Voiding voiding(String voidedEventId) {
        io.credbridge.avro.LearningEvent event = io.credbridge.avro.LearningEvent.newBuilder(
                        LearningEvents.completed("void-1", "lrs-admin", "https://lms.example.edu/x", T0))
                .setType(io.credbridge.avro.LearningEventType.VOIDED)
                .setObjectId(voidedEventId)
                .build();
        return new Intake.Voiding(null, event);
    }

    @Test
    void anEndedAwardIsDescribedByTheVersionItWasMadeUnder() {
        CredentialDefinition v1 =
                Definitions.asVersion(Definitions.badge("badge", new CourseCompleted(C1)), 1, "Old", false);
        CredentialDefinition v2 = Definitions.asVersion(v1, 2, "New", false);
        Award award = new Award(
                "award-v1", "dan", v1, T0, T0, List.of("e1"), new Award.Trigger("e1", "xapi", T0), "S0042", null);
        transactions.executeWithoutResult(status -> ledger.recordAwards(List.of(award)));
        AwardEndings endings =
                new AwardEndings(ledger, CredentialCatalog.of(List.of(v1, v2)), new OutboxStore(jdbc), revocations);

        transactions.executeWithoutResult(status -> endings.announce(
                List.of(new EndedAward(ledger.find("award-v1").orElseThrow(), "test")),
                AwardChange.Action.REVOKED,
                "admin",
                T0));

        String payload = jdbc.queryForObject(
                "select payload from outbox_event where aggregate_id = 'award-v1' and destination = 'BADGE'",
                Map.of(),
                String.class);
        assertThat(AwardChange.fromJson(payload).credentialName()).isEqualTo("Old");
        assertThat(AwardChange.fromJson(payload).credentialVersion()).isEqualTo(1);
        assertThat(AwardChange.fromJson(payload).sisPersonId())
                .as("the ended award still names the learner's SIS person")
                .isEqualTo("S0042");
    }

    @Test
    void anAwardsGradeIsKeptOnItsRowAndAnEndedAwardIsAnnouncedWithIt() {
        CredentialDefinition exam = Definitions.badge(
                "exam-badge",
                new AssessmentScore(
                        "https://lms.example.edu/assessments/exam",
                        null,
                        40.0,
                        null,
                        ScoreScale.RAW,
                        AttemptRule.LATEST,
                        null,
                        null));
        GradeAchieved grade =
                new GradeAchieved(42.5, ScoreScale.RAW, "https://lms.example.edu/assessments/exam", AttemptRule.LATEST);
        Award graded = new Award(
                "award-graded", "fay", exam, T0, T0, List.of("e1"), new Award.Trigger("e1", "xapi", T0), null, grade);
        Award ungraded = new Award(
                "award-plain",
                "fay",
                Definitions.badge("plain", new CourseCompleted(C1)),
                T0,
                T0,
                List.of("e2"),
                new Award.Trigger("e2", "xapi", T0),
                null,
                null);
        transactions.executeWithoutResult(status -> ledger.recordAwards(List.of(graded, ungraded)));
        AwardEndings endings =
                new AwardEndings(ledger, CredentialCatalog.of(List.of(exam)), new OutboxStore(jdbc), revocations);

        transactions.executeWithoutResult(status -> endings.announce(
                List.of(new EndedAward(ledger.find("award-graded").orElseThrow(), "test")),
                AwardChange.Action.REVOKED,
                "admin",
                T0));

        assertThat(ledger.find("award-graded").orElseThrow().gradeAchieved()).isEqualTo(grade);
        assertThat(ledger.find("award-plain").orElseThrow().gradeAchieved()).isNull();
        String payload = jdbc.queryForObject(
                "select payload from outbox_event where aggregate_id = 'award-graded' and destination = 'BADGE'",
                Map.of(),
                String.class);
        assertThat(AwardChange.fromJson(payload).gradeAchieved())
                .as("the revoked credential states the grade the issued one did")
                .isEqualTo(grade);
    }

    @Test
    void aRetiredCredentialCannotBeGranted() {
        CredentialDefinition retired =
                Definitions.asVersion(Definitions.badge("old", new CourseCompleted(C1)), 1, "Old", true);
        CredentialCatalog catalog = CredentialCatalog.of(List.of(retired));
        AwardGrants grants = new AwardGrants(
                ledger,
                catalog,
                new CredentialEvaluator(catalog, clock),
                new OutboxStore(jdbc),
                Mockito.mock(OutboxRelay.class),
                transactions,
                new CredBridgeMetrics(new SimpleMeterRegistry()),
                clock,
                new Learners(ledger, catalog, new IdentityMappings(jdbc)));

        assertThatThrownBy(() -> grants.grant("erin", "old", AwardGrants.Basis.MANUAL, "why", "registrar", null))
                .isInstanceOf(AwardGrants.UnknownCredentialException.class)
                .hasMessageContaining("can still be awarded");
        assertThat(ledger.awardsOf("erin")).isEmpty();
    }

    /** Awards what the events earn, in order, as the award stage would record them. */
    private Map<String, Award> earn(String learner, String... courses) {
        LearnerProgress progress = new LearnerProgress(learner);
        java.util.LinkedHashMap<String, Award> awards = new java.util.LinkedHashMap<>();
        for (String course : courses) {
            CredentialEvaluator.Outcome outcome =
                    evaluator.apply(LearningEvents.completed("e-" + course, learner, course, T0), progress);
            transactions.executeWithoutResult(status -> {
                ledger.recordFacts(outcome.fact().stream().toList());
                ledger.recordAwards(outcome.awards());
            });
            outcome.awards().forEach(award -> awards.put(award.credential().id(), award));
        }
        return awards;
    }

    private String status(Award award) {
        return ledger.find(award.awardId()).orElseThrow().status();
    }
}
