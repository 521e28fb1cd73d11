package io.credbridge.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.award.AwardRecords;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.Definitions;
import io.credbridge.catalog.TranscriptPolicy;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.OutboxStore;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class TranscriptReconciliationTest {

    static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<ExpectedTranscript> asked = new ArrayList<>();
    private final List<Discrepancy> sisSays = new ArrayList<>();
    private final TranscriptReadBack sis = new TranscriptReadBack() {
        @Override
        public List<Discrepancy> compare(List<ExpectedTranscript> learners) {
            asked.addAll(learners);
            return sisSays;
        }

        @Override
        public String target() {
            return "ethos";
        }
    };
    private MigratedDatabase database;
    private AwardRecords ledger;
    private ReviewQueueFixture queue;

    private final CredentialCatalog catalog = CredentialCatalog.of(List.of(
            definition("auto-badge", TranscriptPolicy.AUTO),
            definition("reviewed-badge", TranscriptPolicy.REVIEW),
            definition("never-badge", TranscriptPolicy.NEVER)));

    @BeforeEach
    void setUp() {
        database = MigratedDatabase.of(H2TestDatabase.newDataSource());
        ledger = AwardRecords.of(database.jdbc());
        queue = ReviewQueueFixture.of(database, new NamingSis(), clock);
    }

    @Test
    void theSisShouldHoldTheIssuedEntryOfActiveAwardsAndTheEndingOfRevokedOnesButNothingNeverTranscripted() {
        award("a-2", "alice", "auto-badge");
        database.jdbc()
                .update(
                        "update award set status = 'REVOKED', ended_at = :at where award_id = 'a-2'",
                        Map.of("at", java.sql.Timestamp.from(T0)));
        award("a-1", "alice", "auto-badge");
        award("a-3", "alice", "never-badge");
        award("b-1", "bob", "auto-badge");

        reconciliation(sis).run("ethos", null);

        assertThat(asked).extracting(ExpectedTranscript::learnerId).containsExactlyInAnyOrder("alice", "bob");
        ExpectedTranscript alice = learner("alice");
        assertThat(alice.entries())
                .extracting(TranscriptEntry::idempotencyKey)
                .containsExactlyInAnyOrder("a-1/ISSUED", "a-2/ISSUED", "a-2/REVOKED");
        assertThat(alice.awardIds())
                .as("a record of the never-transcripted award would be extra")
                .containsExactlyInAnyOrder("a-1", "a-2", "a-3");
        assertThat(alice.sisPersonId()).isEqualTo("S-alice");
        assertThat(alice.entries()).allSatisfy(entry -> {
            assertThat(entry.credentialName()).isEqualTo("Auto Badge");
            assertThat(entry.issuerId()).isEqualTo(Definitions.ISSUER.id());
        });
    }

    @Test
    void anAwardWhoseEntriesARouteSendsToAnotherSisIsNotExpectedOfThisOne() {
        award("a-1", "alice", "auto-badge");
        award("a-2", "alice", "reviewed-badge");
        TranscriptProperties routed = TranscriptTargetsTest.properties(
                TranscriptProperties.Target.ETHOS,
                new TranscriptProperties.Route(TranscriptProperties.Target.CSV, "auto-badge", null));
        TranscriptWriter csv = new NamingSis() {
            @Override
            public String target() {
                return "csv";
            }
        };
        TranscriptReconciliation reconciliation =
                reconciliation(sis, new TranscriptTargets(List.of(new NamingSis(), csv), routed, catalog));

        reconciliation.run("ethos", null);

        assertThat(learner("alice").entries())
                .extracting(TranscriptEntry::idempotencyKey)
                .as("a-1's entries go to the csv files")
                .containsExactly("a-2/ISSUED");
        assertThat(reconciliation.checkableTargets()).containsExactly("ethos");
        assertThatThrownBy(() -> reconciliation.run("csv", null))
                .isInstanceOf(TranscriptReconciliation.CannotReadBackException.class);
        assertThatThrownBy(() -> reconciliation.run("rest", null))
                .isInstanceOf(TranscriptReconciliation.UnknownTargetException.class)
                .hasMessageContaining("entries go to ethos, csv");
    }

    @Test
    void anEntryWaitingForTheRegistrarOrRejectedIsNotExpectedOnTheTranscript() {
        award("a-1", "alice", "reviewed-badge");
        award("a-2", "bob", "reviewed-badge");
        award("a-3", "carol", "reviewed-badge");
        queue.deliver(
                ReviewQueueFixture.change("a-1", "ISSUED", "review"),
                ReviewQueueFixture.change("a-2", "ISSUED", "review"),
                ReviewQueueFixture.change("a-3", "ISSUED", "review"));
        queue.review().reject(entryOf("a-2"), "not transcriptable", "registrar.jane");
        queue.review().approve(entryOf("a-3"), "registrar.jane");
        queue.relay();

        reconciliation(sis).run("ethos", null);

        assertThat(learner("alice").entries()).as("waiting for the registrar").isEmpty();
        assertThat(learner("bob").entries()).as("rejected").isEmpty();
        assertThat(learner("carol").entries())
                .extracting(TranscriptEntry::idempotencyKey)
                .containsExactly("a-3/ISSUED");
        assertThat(learner("bob").awardIds()).containsExactly("a-2");
    }

    @Test
    void aMissingEntryCarriesTheRecordIdKeptForItAndTheSisMessageWhenItWaitsAsFailed() {
        award("a-1", "alice", "auto-badge");
        award("a-2", "bob", "auto-badge");
        queue.deliver(ReviewQueueFixture.change("a-1", "ISSUED", "auto"));
        TranscriptEntry a1 = SampleEntries.issued("a-1");
        TranscriptEntry a2 = SampleEntries.issued("a-2");
        queue.review()
                .refused(
                        new TranscriptReview.Admitted(ReviewQueueFixture.change("a-2", "ISSUED", "auto"), false),
                        new PermanentSisRejection("ethos", "a-2/ISSUED", 400, "Validation.Exception", "Person locked"));
        sisSays.add(Discrepancy.missing(a1, null, "ethos holds no record of a-1/ISSUED"));
        sisSays.add(Discrepancy.missing(a2, null, "ethos holds no record of a-2/ISSUED"));

        TranscriptReconciliation.Report report = reconciliation(sis).run("ethos", null);

        assertThat(report.missing()).hasSize(2);
        assertThat(report.missing().get(0).sisRecordId()).isEqualTo("rec-a-1/ISSUED");
        assertThat(report.missing().get(1).sisRecordId()).isNull();
        assertThat(report.missing().get(1).reason())
                .contains("ethos holds no record of a-2/ISSUED")
                .contains("FAILED")
                .contains("Person locked");
        assertThat(report.extra()).isEmpty();
        assertThat(report.awards()).isEqualTo(2);
    }

    @Test
    void aMissingEntryStillInTheOutboxSaysItIsNotDeliveredYet() {
        award("a-1", "alice", "auto-badge");
        queue.enqueue(ReviewQueueFixture.change("a-1", "ISSUED", "auto"));
        sisSays.add(Discrepancy.missing(SampleEntries.issued("a-1"), null, "ethos holds no record of a-1/ISSUED"));

        TranscriptReconciliation.Report report = reconciliation(sis).run("ethos", null);

        assertThat(report.missing())
                .singleElement()
                .satisfies(missing -> assertThat(missing.reason()).contains("in the outbox not delivered yet"));
    }

    @Test
    void anAwardWhoseCredentialLeftTheCatalogIsListedAsNotChecked() {
        award("a-1", "alice", "auto-badge");
        database.jdbc().update("update award set credential_id = 'gone' where award_id = 'a-1'", Map.of());

        TranscriptReconciliation.Report report = reconciliation(sis).run("ethos", null);

        assertThat(report.notChecked())
                .singleElement()
                .satisfies(each -> assertThat(each.reason()).contains("gone").contains("no longer in the catalog"));
    }

    @Test
    void anUnknownTargetIsRefusedNamingTheConfiguredOne() {
        assertThatThrownBy(() -> reconciliation(sis).run("banner", null))
                .isInstanceOfSatisfying(
                        TranscriptReconciliation.UnknownTargetException.class,
                        e -> assertThat(e.configured()).containsExactly("ethos"))
                .hasMessageContaining("'banner'")
                .hasMessageContaining("credbridge.transcript.target");
    }

    @Test
    void aTargetThatCannotReadBackSaysWhatToConfigure() {
        assertThatThrownBy(() -> reconciliation(null).run("ethos", null))
                .isInstanceOf(TranscriptReconciliation.CannotReadBackException.class)
                .hasMessageContaining("ethos target cannot read back");
        assertThat(new TranscriptReconciliation.CannotReadBackException("rest").getMessage())
                .contains("credbridge.transcript.rest.read-back.url");
    }

    @Test
    void theScheduledRunPublishesItsCountsAsGaugesTaggedByTarget() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        award("a-1", "alice", "auto-badge");
        sisSays.add(Discrepancy.missing(SampleEntries.issued("a-1"), null, "gone"));
        TranscriptReconciliationRuns runs =
                new TranscriptReconciliationRuns(reconciliation(sis), properties(true), new CredBridgeMetrics(meters));

        assertThat(gauge(meters, "missing"))
                .as("nothing known before the first run")
                .isNaN();
        runs.scheduled();

        assertThat(gauge(meters, "missing")).isEqualTo(1.0);
        assertThat(gauge(meters, "extra")).isZero();
        assertThat(gauge(meters, "mismatched")).isZero();
    }

    @Test
    void theScheduledRunIsOffByDefaultAndEnabledWithoutReadBackItStopsStartup() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new TranscriptReconciliationRuns(reconciliation(sis), properties(false), new CredBridgeMetrics(meters))
                .scheduled();

        assertThat(asked).isEmpty();
        assertThat(meters.find("credbridge.transcript.reconciliation.missing").gauge())
                .isNull();
        assertThatThrownBy(() -> new TranscriptReconciliationRuns(
                        reconciliation(null), properties(true), new CredBridgeMetrics(meters)))
                .hasMessageContaining("credbridge.transcript.reconciliation.enabled")
                .hasMessageContaining("cannot read back");
    }

    private static double gauge(SimpleMeterRegistry meters, String kind) {
        return meters.get("credbridge.transcript.reconciliation." + kind)
                .tag("target", "ethos")
                .gauge()
                .value();
    }

    private static TranscriptProperties properties(boolean reconcile) {
        return new TranscriptProperties(
                TranscriptProperties.Target.ETHOS,
                List.of(),
                new TranscriptProperties.Breaker(50, 10, 5, Duration.ofMinutes(1), 2),
                null,
                null,
                null,
                Duration.ofMinutes(1),
                new TranscriptProperties.Reconciliation(reconcile, Duration.ofHours(1)));
    }

    private TranscriptReconciliation reconciliation(TranscriptReadBack readBack) {
        return reconciliation(readBack, TranscriptTargets.only(new NamingSis()));
    }

    private TranscriptReconciliation reconciliation(TranscriptReadBack readBack, TranscriptTargets targets) {
        return new TranscriptReconciliation(
                targets,
                provider(readBack),
                ledger,
                catalog,
                new TranscriptReviewStore(database.jdbc()),
                new TranscriptSisRecords(database.jdbc()),
                new OutboxStore(database.jdbc()),
                clock);
    }

    private static ObjectProvider<TranscriptReadBack> provider(TranscriptReadBack readBack) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (readBack != null) {
            beans.addBean("transcriptReadBack", readBack);
        }
        return beans.getBeanProvider(TranscriptReadBack.class);
    }

    private ExpectedTranscript learner(String learnerId) {
        return asked.stream()
                .filter(each -> each.learnerId().equals(learnerId))
                .findFirst()
                .orElseThrow();
    }

    private String entryOf(String awardId) {
        return queue.review().list(ReviewStatus.PENDING_REVIEW, 10).stream()
                .filter(entry -> entry.awardId().equals(awardId))
                .findFirst()
                .orElseThrow()
                .entryId();
    }

    /** An active award, as the award stage stores it. */
    private void award(String awardId, String learnerId, String credentialId) {
        CredentialDefinition definition = catalog.find(credentialId).orElseThrow();
        database.jdbc()
                .update(
                        "insert into award (award_id, learner_id, credential_id, credential_version, status,"
                                + " awarded_at, earned_at, sis_person_id) values (:award, :learner, :credential,"
                                + " :version, 'ACTIVE', :awardedAt, :earnedAt, :person)",
                        Map.of(
                                "award",
                                awardId,
                                "learner",
                                learnerId,
                                "credential",
                                credentialId,
                                "version",
                                definition.version(),
                                "awardedAt",
                                java.sql.Timestamp.from(T0.minusSeconds(60)),
                                "earnedAt",
                                java.sql.Timestamp.from(T0.minusSeconds(120)),
                                "person",
                                "S-" + learnerId));
    }

    private static CredentialDefinition definition(String id, TranscriptPolicy policy) {
        String name = id.substring(0, 1).toUpperCase() + id.substring(1).replace("-b", " B");
        return Definitions.badge(id, name, policy, new CourseCompleted("https://lms.example.edu/courses/" + id));
    }

    /** The SIS of these tests: takes every entry and names its record after the entry. */
    private static class NamingSis implements TranscriptWriter {

        @Override
        public List<WrittenEntry> write(List<TranscriptEntry> entries) {
            return entries.stream()
                    .map(entry -> new WrittenEntry(entry, "rec-" + entry.idempotencyKey()))
                    .toList();
        }

        @Override
        public String target() {
            return "ethos";
        }
    }
}
