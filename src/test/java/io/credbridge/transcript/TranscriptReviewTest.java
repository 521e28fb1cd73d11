package io.credbridge.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.award.AwardChange;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxEvent;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TranscriptReviewTest {

    static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> sis = new ArrayList<>();
    private final Set<String> refusedBySis = new java.util.HashSet<>();
    private ReviewQueueFixture queue;
    private TranscriptReview review;

    @BeforeEach
    void setUp() {
        queue = ReviewQueueFixture.of(
                MigratedDatabase.of(H2TestDatabase.newDataSource()),
                new PlayedSis(),
                new CredBridgeMetrics(meters),
                clock);
        review = queue.review();
    }

    @Test
    void anEntryOfACredentialUnderReviewWaitsInTheQueueInsteadOfReachingTheSis() throws Exception {
        deliverFromAwardStage(change("a-1", "ISSUED", "review"));

        assertThat(sis).isEmpty();
        assertThat(review.list(ReviewStatus.PENDING_REVIEW, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.awardId()).isEqualTo("a-1");
            assertThat(entry.action()).isEqualTo(TranscriptEntry.Action.ISSUED);
            assertThat(entry.note()).contains("after a registrar's review");
        });
    }

    @Test
    void anEntryOfACredentialWrittenAutomaticallyGoesStraightToTheSisAndLeavesNoTraceInTheQueue() throws Exception {
        deliverFromAwardStage(change("a-1", "ISSUED", "auto"));

        assertThat(sis).containsExactly("a-1/ISSUED");
        assertThat(review.list(null, 10)).isEmpty();
    }

    @Test
    void anApprovedEntryTravelsThroughTheOutboxAndIsWrittenOnceDelivered() throws Exception {
        deliverFromAwardStage(change("a-1", "ISSUED", "review"));
        String id = onlyEntry(ReviewStatus.PENDING_REVIEW);

        ReviewedEntry approved = review.approve(id, "registrar.jane");

        assertThat(approved.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("registrar.jane");
        assertThat(approved.decidedAt()).isEqualTo(T0);
        assertThat(sis).as("approval only queues it in the outbox").isEmpty();
        relayTranscripts();
        assertThat(sis).containsExactly("a-1/ISSUED");
        assertThat(review.find(id).status()).isEqualTo(ReviewStatus.WRITTEN);
        assertThat(review.history(id))
                .extracting(ReviewedEntry.Step::status, ReviewedEntry.Step::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ReviewStatus.PENDING_REVIEW, null),
                        org.assertj.core.groups.Tuple.tuple(ReviewStatus.APPROVED, "registrar.jane"),
                        org.assertj.core.groups.Tuple.tuple(ReviewStatus.WRITTEN, null));
    }

    @Test
    void theIdTheSisKnowsAWrittenEntryByIsKeptWithItAndAnEntryNotWrittenHasNone() throws Exception {
        deliverFromAwardStage(change("a-1", "ISSUED", "auto"));
        deliverFromAwardStage(change("a-2", "ISSUED", "review"));

        assertThat(queue.sisRecordIds("a-1/ISSUED", "a-2/ISSUED"))
                .as("the entry under review is not written yet")
                .containsOnlyKeys("a-1/ISSUED")
                .containsEntry("a-1/ISSUED", "sis-a-1/ISSUED");
        review.approve(onlyEntry(ReviewStatus.PENDING_REVIEW), "registrar.jane");
        relayTranscripts();
        assertThat(queue.sisRecordIds("a-2/ISSUED")).containsEntry("a-2/ISSUED", "sis-a-2/ISSUED");
    }

    @Test
    void aRejectedEntryKeepsTheReasonAndWhoRejectedItAndNeverReachesTheSis() throws Exception {
        deliverFromAwardStage(change("a-1", "ISSUED", "review"));
        String id = onlyEntry(ReviewStatus.PENDING_REVIEW);
        clock.advance(Duration.ofHours(1));

        ReviewedEntry rejected = review.reject(id, "not a transcriptable course", "registrar.jane");

        assertThat(rejected.status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(rejected.note()).isEqualTo("not a transcriptable course");
        assertThat(rejected.decidedBy()).isEqualTo("registrar.jane");
        assertThat(rejected.decidedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        relayTranscripts();
        assertThat(sis).isEmpty();
        assertThatThrownBy(() -> review.approve(id, "registrar.joe"))
                .isInstanceOf(TranscriptReview.EntryStateException.class)
                .hasMessageContaining("is REJECTED");
    }

    @Test
    void anEntryTheSisRefusesAloneWaitsAsFailedWithTheSisMessageAndIsWrittenWhenResubmitted() throws Exception {
        refusedBySis.add("a-1/ISSUED");

        deliverFromAwardStage(change("a-1", "ISSUED", "auto"));

        ReviewedEntry failed = review.find(onlyEntry(ReviewStatus.FAILED));
        assertThat(failed.sisMessage()).isEqualTo("Person not found");
        assertThat(failed.note()).contains("Validation.Exception");
        assertThat(queue.outbox().countByStatus(Destination.TRANSCRIPT, "FAILED"))
                .as("the queue, not the outbox, keeps it")
                .isZero();

        refusedBySis.clear();
        review.approve(failed.entryId(), "registrar.jane");
        relayTranscripts();

        assertThat(sis).containsExactly("a-1/ISSUED");
        assertThat(review.find(failed.entryId()).status()).isEqualTo(ReviewStatus.WRITTEN);
    }

    @Test
    void aResubmittedEntryTheSisRefusesAgainIsFailedAgainWithTheNewMessage() throws Exception {
        refusedBySis.add("a-1/ISSUED");
        deliverFromAwardStage(change("a-1", "ISSUED", "auto"));
        String id = onlyEntry(ReviewStatus.FAILED);

        review.approve(id, "registrar.jane");
        relayTranscripts();

        assertThat(review.find(id).status()).isEqualTo(ReviewStatus.FAILED);
        assertThat(review.history(id))
                .extracting(ReviewedEntry.Step::status)
                .containsExactly(ReviewStatus.FAILED, ReviewStatus.APPROVED, ReviewStatus.FAILED);
    }

    @Test
    void aRefusalInsideABatchIsThrownSoTheRelayTriesEachEntryAlone() {
        refusedBySis.add("a-2/ISSUED");

        assertThatThrownBy(() -> queue.entries()
                        .deliver(List.of(
                                event(change("a-1", "ISSUED", "auto")), event(change("a-2", "ISSUED", "auto")))))
                .isInstanceOf(PermanentSisRejection.class);
        assertThat(review.list(null, 10)).isEmpty();
    }

    @Test
    void aRevocationOfAnAwardWhoseIssuedEntryWaitsForTheRegistrarJoinsTheQueueBehindIt() throws Exception {
        refusedBySis.add("a-1/ISSUED");
        deliverFromAwardStage(change("a-1", "ISSUED", "auto"));

        deliverFromAwardStage(change("a-1", "REVOKED", "auto"));

        assertThat(sis).as("the SIS never sees the revocation before the award").isEmpty();
        ReviewedEntry revoked = review.find(onlyEntry(ReviewStatus.PENDING_REVIEW));
        assertThat(revoked.action()).isEqualTo(TranscriptEntry.Action.REVOKED);
        assertThat(revoked.note()).contains("held behind an earlier entry");
    }

    @Test
    void aLaterEntryCannotBeApprovedWhileItsAwardsIssuedEntryWaitsAndIsWrittenAfterItOnceItIsApproved()
            throws Exception {
        deliverFromAwardStage(change("a-1", "ISSUED", "review"));
        deliverFromAwardStage(change("a-1", "REVOKED", "review"));
        List<ReviewedEntry> pending = review.list(ReviewStatus.PENDING_REVIEW, 10);
        String issued = withAction(pending, TranscriptEntry.Action.ISSUED);
        String revoked = withAction(pending, TranscriptEntry.Action.REVOKED);

        assertThatThrownBy(() -> review.approve(revoked, "registrar.jane"))
                .isInstanceOf(TranscriptReview.EntryStateException.class)
                .hasMessageContaining("approve or reject that one first");

        review.approve(issued, "registrar.jane");
        review.approve(revoked, "registrar.jane");
        relayTranscripts();

        assertThat(sis).containsExactly("a-1/ISSUED", "a-1/REVOKED");
    }

    @Test
    void anUnknownEntryIsNotFound() {
        assertThatThrownBy(() -> review.approve("nope", "registrar.jane"))
                .isInstanceOf(TranscriptReview.EntryNotFoundException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void theGaugeCountsTheEntriesInEachStatus() throws Exception {
        deliverFromAwardStage(change("a-1", "ISSUED", "review"));
        deliverFromAwardStage(change("a-2", "ISSUED", "review"));
        review.reject(review.list(ReviewStatus.PENDING_REVIEW, 1).get(0).entryId(), "no", "registrar.jane");

        assertThat(gauge("PENDING_REVIEW")).isEqualTo(1.0);
        assertThat(gauge("REJECTED")).isEqualTo(1.0);
        assertThat(gauge("WRITTEN")).isZero();
    }

    private double gauge(String status) {
        return meters.get("credbridge.transcript.review.entries")
                .tag("status", status)
                .gauge()
                .value();
    }

    /** As the award stage writes it and the relay hands it over, in the relay's transaction. */
    private void deliverFromAwardStage(AwardChange change) {
        queue.deliver(change);
    }

    /** Delivers what the outbox holds for the SIS, as the relay would, until nothing is due. */
    private void relayTranscripts() {
        queue.relay();
    }

    private static String withAction(List<ReviewedEntry> found, TranscriptEntry.Action action) {
        return found.stream()
                .filter(entry -> entry.action() == action)
                .findFirst()
                .orElseThrow()
                .entryId();
    }

    private String onlyEntry(ReviewStatus status) {
        List<ReviewedEntry> found = review.list(status, 10);
        assertThat(found).hasSize(1);
        return found.get(0).entryId();
    }

    private static OutboxEvent event(AwardChange change) {
        return ReviewQueueFixture.event(change);
    }

    static AwardChange change(String awardId, String action, String policy) {
        return AwardChange.fromJson("""
                {"action":"%s","awardId":"%s","learnerId":"alice","credentialId":"badge","credentialVersion":1,
                 "credentialName":"Badge","credentialKind":"badge","issuerId":"https://example.edu",
                 "issuerName":"Example","criteria":[],"awardedAt":"2026-11-21T10:00:00Z",
                 "earnedAt":"2026-11-21T09:00:00Z","evidenceEventIds":["e1"],"source":"xapi",
                 "eventReceivedAt":"2026-11-21T09:59:00Z","transcript":"%s"}
                """.formatted(action, awardId, policy));
    }

    /** A SIS that refuses the entries named in {@link #refusedBySis} as Ethos refuses invalid data. */
    private final class PlayedSis implements TranscriptWriter {

        @Override
        public List<WrittenEntry> write(List<TranscriptEntry> batch) {
            for (TranscriptEntry entry : batch) {
                if (refusedBySis.contains(entry.idempotencyKey())) {
                    throw new PermanentSisRejection(
                            "ethos", entry.idempotencyKey(), 400, "Validation.Exception", "Person not found");
                }
            }
            batch.forEach(entry -> sis.add(entry.idempotencyKey()));
            return batch.stream()
                    .map(entry -> new WrittenEntry(entry, "sis-" + entry.idempotencyKey()))
                    .toList();
        }

        @Override
        public String target() {
            return "ethos";
        }
    }
}
