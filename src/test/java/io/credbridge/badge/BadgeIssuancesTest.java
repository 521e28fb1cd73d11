package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.credbridge.avro.BadgeAction;
import io.credbridge.avro.BadgeIssuance;
import io.credbridge.award.AwardChange;
import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.kafka.OutgoingRecord;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BadgeIssuancesTest {

    static final Instant AWARDED = Instant.parse("2026-11-21T10:00:00Z");
    static final Path OB3_SCHEMA =
            Path.of("..", "shared", "corpus", "openbadges", "schema", "ob_v3p0_achievementcredential_schema.json");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BadgeIssuances issuances = new BadgeIssuances(
            TestIssuers.securedCredentials(),
            new CloudEventsProperties("https://credbridge.example.edu"),
            new CredBridgeMetrics(meters),
            Clock.fixed(AWARDED.plusMillis(40), ZoneOffset.UTC));

    @Test
    void mapsAnAwardToAnAvroRecordKeyedByLearnerWithCloudEventsHeaders() throws Exception {
        OutboxEvent event = outboxEvent();

        OutgoingRecord record = issuances.toRecords(List.of(event)).get(0);

        assertThat(record.key()).isEqualTo("alice");
        assertThat(record.headers())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", event.eventId())
                .containsEntry("ce_type", "io.credbridge.badge.issued.v1")
                .containsEntry("ce_source", "https://credbridge.example.edu/badge")
                .containsEntry("ce_time", "2026-11-21T10:00:00Z")
                .containsEntry("content-type", "application/avro");
        BadgeIssuance issuance = BadgeIssuance.getDecoder().decode(record.value());
        assertThat(issuance.getIssuanceId()).isEqualTo(event.eventId());
        assertThat(issuance.getAction()).isEqualTo(BadgeAction.ISSUED);
        assertThat(issuance.getAwardId()).isEqualTo("0d6e2f6e-7c1a-4a53-b3f2-5a0d9c1e2b3f");
        assertThat(issuance.getCredential().getId()).isEqualTo("sql-proficiency");
        assertThat(issuance.getCredential().getVersion()).isEqualTo(2);
        assertThat(issuance.getEvidenceEventIds()).containsExactly("6f1d3c2a-8b4e-4f6a-9c1d-2e3f4a5b6c02");
        assertThat(issuance.getAwardedAt()).isEqualTo(AWARDED);
    }

    @Test
    void theEmbeddedCredentialIsAnOpenBadges3AchievementCredential() throws Exception {
        OutboxEvent event = outboxEvent();
        BadgeIssuance issuance = BadgeIssuance.getDecoder()
                .decode(issuances.toRecords(List.of(event)).get(0).value());

        JsonNode credential = new ObjectMapper().readTree(issuance.getOpenBadgeCredential());

        assertThat(credential.path("type").toString()).contains("VerifiableCredential", "OpenBadgeCredential");
        assertThat(credential.path("id").asText()).isEqualTo("urn:uuid:0d6e2f6e-7c1a-4a53-b3f2-5a0d9c1e2b3f");
        assertThat(credential.path("issuer").path("id").asText()).isEqualTo(TestIssuers.DID);
        JsonNode achievement = credential.path("credentialSubject").path("achievement");
        assertThat(achievement.path("id").asText())
                .isEqualTo("https://credentials.example.edu/achievements/sql-proficiency/v2");
        assertThat(achievement.path("achievementType").asText()).isEqualTo("Certificate");
        assertThat(achievement.path("criteria").path("narrative").asText())
                .isEqualTo("Score at least 80% on the assessment https://lms.example.edu/exam.");
        assertThat(credential.path("evidence").get(0).path("id").asText())
                .isEqualTo("urn:uuid:6f1d3c2a-8b4e-4f6a-9c1d-2e3f4a5b6c02");
    }

    @Test
    void theEmbeddedCredentialPassesThe1EdTechJsonSchema() throws Exception {
        assumeThat(Files.exists(OB3_SCHEMA))
                .as("the public corpus (../shared/corpus) is not beside the project; skipping the OB 3.0 schema check")
                .isTrue();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                .getSchema(Files.newInputStream(OB3_SCHEMA));
        BadgeIssuance issuance = BadgeIssuance.getDecoder()
                .decode(issuances.toRecords(List.of(outboxEvent())).get(0).value());

        JsonNode credential = new ObjectMapper().readTree(issuance.getOpenBadgeCredential());
        Set<ValidationMessage> problems = schema.validate(credential);
        JsonNode withoutIssuer = credential.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutIssuer).remove("issuer");

        assertThat(problems).isEmpty();
        assertThat(schema.validate(withoutIssuer))
                .as("the schema check is not vacuous")
                .isNotEmpty();
    }

    @Test
    void theRecordCarriesTheCredentialInBothSecuredFormsSignedByTheIssuersKey() throws Exception {
        BadgeIssuance issuance = BadgeIssuance.getDecoder()
                .decode(issuances.toRecords(List.of(outboxEvent())).get(0).value());
        Issuer issuer = TestIssuers.issuers().all().get(0);
        CredentialVerifier verifier = new CredentialVerifier(java.util.Map.of(
                issuer.verificationMethod(),
                        issuer.signingKey().verificationKey().publicKey(),
                issuer.jwkVerificationMethod(),
                        issuer.signingKey().verificationKey().publicKey()));

        assertThat(verifier.verifiesDataIntegrity(issuance.getDataIntegrityCredential()))
                .isTrue();
        assertThat(new ObjectMapper().readTree(verifier.verifiedJwsPayload(issuance.getVcJwt())))
                .isEqualTo(new ObjectMapper().readTree(issuance.getOpenBadgeCredential()));
    }

    @Test
    void countsPublishedBadgesWithTheirLatencySinceTheEventArrived() {
        issuances.published(List.of(outboxEvent()));

        assertThat(meters.get("credbridge.badge.events")
                        .tag("source", "xapi")
                        .tag("credential", "sql-proficiency")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get("credbridge.event.to.badge.latency")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(1040.0);
    }

    @Test
    void aRevocationIsPublishedAsRevokedWithItsReasonTypeAndTime() throws Exception {
        Instant revokedAt = AWARDED.plusSeconds(3600);
        OutboxEvent event = outboxEvent(AwardChange.Action.REVOKED, "academic misconduct", revokedAt);

        OutgoingRecord record = issuances.toRecords(List.of(event)).get(0);

        assertThat(record.headers())
                .containsEntry("ce_type", "io.credbridge.badge.revoked.v1")
                .containsEntry("ce_time", "2026-11-21T11:00:00Z");
        BadgeIssuance issuance = BadgeIssuance.getDecoder().decode(record.value());
        assertThat(issuance.getAction()).isEqualTo(BadgeAction.REVOKED);
        assertThat(issuance.getReason()).isEqualTo("academic misconduct");
        assertThat(issuance.getChangedAt()).isEqualTo(revokedAt);
        assertThat(issuance.getAwardedAt()).isEqualTo(AWARDED);
    }

    @Test
    void anIssuedAwardCarriesNoReasonAndChangedAtIsWhenItWasAwarded() throws Exception {
        BadgeIssuance issuance = BadgeIssuance.getDecoder()
                .decode(issuances.toRecords(List.of(outboxEvent())).get(0).value());

        assertThat(issuance.getReason()).isNull();
        assertThat(issuance.getChangedAt()).isEqualTo(AWARDED);
    }

    @Test
    void onlyIssuedBadgesCountTowardsTheEventToBadgeLatency() {
        issuances.published(List.of(outboxEvent(AwardChange.Action.EXPIRED, "validity ended", AWARDED)));

        assertThat(meters.get("credbridge.badge.events").counter().count()).isEqualTo(1.0);
        assertThat(meters.find("credbridge.event.to.badge.latency").timer()).isNull();
    }

    static AwardChange outboxEventAward() {
        return AwardChange.fromJson(outboxEvent().payload());
    }

    static OutboxEvent outboxEvent() {
        return outboxEvent(AwardChange.Action.ISSUED, null, null);
    }

    static OutboxEvent outboxEvent(AwardChange.Action action, String reason, Instant changedAt) {
        AwardChange award = new AwardChange(
                action,
                "0d6e2f6e-7c1a-4a53-b3f2-5a0d9c1e2b3f",
                "alice",
                "sql-proficiency",
                2,
                "SQL Proficiency",
                "Scored at least 80%.",
                "certificate",
                "https://credentials.example.edu/issuers/ce",
                "Example University",
                List.of("Score at least 80% on the assessment https://lms.example.edu/exam."),
                AWARDED,
                AWARDED.minusSeconds(60),
                List.of("6f1d3c2a-8b4e-4f6a-9c1d-2e3f4a5b6c02"),
                "xapi",
                AWARDED.minusSeconds(1),
                reason,
                changedAt,
                null,
                null,
                null,
                null,
                false,
                null);
        return OutboxEvent.of(Destination.BADGE, "award", award.awardId(), award.eventType(), award.toJson(), AWARDED);
    }
}
