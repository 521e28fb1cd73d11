package io.credbridge.award;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.catalog.TranscriptPolicy;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwardChangeTest {

    @Test
    void aPayloadWrittenBeforeActionsExistedReadsAsIssuedAtItsAwardTime() {
        AwardChange change = AwardChange.fromJson("""
                {"awardId":"a-1","learnerId":"alice","credentialId":"badge","credentialVersion":1,
                 "credentialName":"Badge","credentialKind":"badge","issuerId":"https://example.edu",
                 "issuerName":"Example","criteria":[],"awardedAt":"2026-11-21T10:00:00Z",
                 "earnedAt":"2026-11-21T09:00:00Z","evidenceEventIds":["e1"],"source":"xapi",
                 "eventReceivedAt":"2026-11-21T09:59:00Z"}
                """);

        assertThat(change.action()).isEqualTo(AwardChange.Action.ISSUED);
        assertThat(change.changedAt()).isEqualTo(change.awardedAt());
        assertThat(change.eventType()).isEqualTo("award.issued");
    }

    @Test
    void aRevocationRoundTripsWithItsReasonAndTime() {
        AwardChange revoked = AwardChange.fromJson(AwardChange.fromJson("""
                {"action":"REVOKED","awardId":"a-1","learnerId":"alice","credentialId":"badge","credentialVersion":1,
                 "credentialName":"Badge","credentialKind":"badge","issuerId":"https://example.edu",
                 "issuerName":"Example","criteria":[],"awardedAt":"2026-11-21T10:00:00Z",
                 "earnedAt":"2026-11-21T09:00:00Z","evidenceEventIds":["e1"],"source":"admin",
                 "eventReceivedAt":"2026-11-22T10:00:00Z","reason":"misconduct","changedAt":"2026-11-22T10:00:00Z"}
                """).toJson());

        assertThat(revoked.action()).isEqualTo(AwardChange.Action.REVOKED);
        assertThat(revoked.reason()).isEqualTo("misconduct");
        assertThat(revoked.changedAt()).hasToString("2026-11-22T10:00:00Z");
        assertThat(revoked.eventType()).isEqualTo("award.revoked");
    }

    @Test
    void aPayloadWrittenBeforeTranscriptPoliciesExistedGoesToTheTranscriptAsItAlwaysDid() {
        assertThat(AwardChange.fromJson(LEGACY).transcript()).isEqualTo(TranscriptPolicy.AUTO);
        assertThat(AwardOutbox.eventsFor(AwardChange.fromJson(LEGACY), NOW))
                .extracting(OutboxEvent::destination)
                .containsExactly(Destination.TRANSCRIPT, Destination.BADGE);
    }

    @Test
    void aCredentialNeverTranscriptedWritesOnlyItsBadgeEvent() {
        AwardChange never = AwardChange.fromJson(LEGACY.replace("{", "{\"transcript\":\"never\","));

        assertThat(AwardOutbox.eventsFor(never, NOW))
                .extracting(OutboxEvent::destination)
                .containsExactly(Destination.BADGE);
    }

    @Test
    void aReviewedCredentialStillWritesItsTranscriptEventCarryingThePolicy() {
        AwardChange reviewed = AwardChange.fromJson(LEGACY.replace("{", "{\"transcript\":\"review\","));

        assertThat(AwardOutbox.eventsFor(reviewed, NOW))
                .extracting(OutboxEvent::destination)
                .containsExactly(Destination.TRANSCRIPT, Destination.BADGE);
        assertThat(AwardChange.fromJson(reviewed.toJson()).transcript()).isEqualTo(TranscriptPolicy.REVIEW);
    }

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static final String LEGACY = """
            {"awardId":"a-1","learnerId":"alice","credentialId":"badge","credentialVersion":1,
             "credentialName":"Badge","credentialKind":"badge","issuerId":"https://example.edu",
             "issuerName":"Example","criteria":[],"awardedAt":"2026-11-21T10:00:00Z",
             "earnedAt":"2026-11-21T09:00:00Z","evidenceEventIds":["e1"],"source":"xapi",
             "eventReceivedAt":"2026-11-21T09:59:00Z"}
            """;
}
