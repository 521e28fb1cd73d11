package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.credbridge.award.Award;
import io.credbridge.award.AwardChange;
import io.credbridge.award.GradeAchieved;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.DemoCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenBadgeCredentialsTest {

    static final Instant AWARDED = Instant.parse("2026-11-21T10:00:00Z");
    static final Instant EARNED = AWARDED.minusSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final Issuers issuers = new Issuers(List.of(
            TestIssuers.issuer(TestIssuers.key("key-1", 7), List.of()),
            new Issuer(
                    "https://credentials.demo.credbridge.io/issuers/continuing-education",
                    "continuing-education",
                    "did:web:localhost%3A8080:issuers:continuing-education",
                    "Demo University Continuing Education",
                    null,
                    null,
                    null,
                    TestIssuers.key("dev-key-1", 3),
                    List.of())));
    private final SecuredCredentials credentials =
            TestIssuers.securedCredentials(issuers, java.util.EnumSet.allOf(BadgeProperties.SecuredForm.class));
    private final CanonicalRdf canonical = new CanonicalRdf(JsonLdContexts.shipped(TestIssuers.PUBLIC_URL));

    @Test
    void everyCredentialTheDemoCatalogCanProducePassesThe1EdTechSchemaAndExpandsInSafeMode() throws Exception {
        JsonSchema schema = ob3Schema();
        List<String> checked = new ArrayList<>();
        for (CredentialDefinition definition : DemoCatalog.definitions()) {
            for (String learner : List.of("alice", "alice@example.edu", "did:example:alice")) {
                SecuredCredential credential = credentials.of(award(definition, learner, "S0042"));
                for (String form : List.of(credential.document(), credential.dataIntegrity())) {
                    assertThat(schema.validate(json.readTree(form)))
                            .as("%s for %s", definition.id(), learner)
                            .isEmpty();
                    assertThat(canonical.expand(jakarta(form))).isNotEmpty();
                }
                checked.add(definition.id());
            }
        }
        assertThat(checked).contains("sql-proficiency", "applied-data-analysis", "data-analysis-fundamentals");
    }

    @Test
    void theSchemaCheckFailsACredentialWithoutAnIssuerSoItIsNotVacuous() throws Exception {
        JsonSchema schema = ob3Schema();
        JsonNode credential = json.readTree(
                credentials.of(BadgeIssuancesTest.outboxEventAward()).document());
        ((com.fasterxml.jackson.databind.node.ObjectNode) credential).remove("issuer");

        assertThat(schema.validate(credential)).isNotEmpty();
    }

    @Test
    void theCredentialSchemaIsTypedWithATermTheVcContextDefines() throws Exception {
        JsonNode credential = json.readTree(
                credentials.of(BadgeIssuancesTest.outboxEventAward()).document());

        assertThat(credential.path("credentialSchema").get(0).path("type").asText())
                .isEqualTo("JsonSchema");
        assertThat(canonical.nquads(jakarta(credential.toString())))
                .contains(
                        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/2018/credentials#JsonSchema>");
    }

    @Test
    void aTypeNoContextDefinesIsRefusedInsteadOfSilentlyDropped() throws Exception {
        JsonNode credential = json.readTree(
                credentials.of(BadgeIssuancesTest.outboxEventAward()).document());
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        credential.path("credentialSchema").get(0))
                .put("type", "1EdTechJsonSchemaValidator2019");

        assertThatThrownBy(() -> canonical.nquads(jakarta(credential.toString())))
                .hasMessageContaining("1EdTechJsonSchemaValidator2019")
                .hasMessageContaining("dropped");
    }

    @Test
    void aPropertyNoContextDefinesIsRefusedInsteadOfSilentlyDropped() throws Exception {
        JsonNode credential = json.readTree(
                credentials.of(BadgeIssuancesTest.outboxEventAward()).document());
        ((com.fasterxml.jackson.databind.node.ObjectNode) credential.path("credentialSubject"))
                .put("favouriteColour", "blue");

        assertThatThrownBy(() -> canonical.nquads(jakarta(credential.toString())))
                .hasMessageContaining("favouriteColour");
    }

    @Test
    void anEmailLearnerIsIdentifiedBySaltedHashAndNeverInPlainText() throws Exception {
        SecuredCredential credential =
                credentials.of(award(DemoCatalog.definitions().get(0), "Alice@Example.edu", null));

        JsonNode identifier =
                json.readTree(credential.document()).path("credentialSubject").path("identifier");
        assertThat(identifier).hasSize(1);
        JsonNode email = identifier.get(0);
        assertThat(email.path("identityType").asText()).isEqualTo("emailAddress");
        assertThat(email.path("hashed").asBoolean()).isTrue();
        assertThat(email.path("salt").asText()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(email.path("identityHash").asText())
                .isEqualTo("sha256$"
                        + TestIssuers.hex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(("alice@example.edu"
                                                + email.path("salt").asText())
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        for (String form : List.of(credential.document(), credential.dataIntegrity(), credential.jwt())) {
            assertThat(form.toLowerCase(java.util.Locale.ROOT)).doesNotContain("alice@example.edu");
        }
    }

    @Test
    void anInstitutionalIdAndSisIdAreHashedNeverPassedAsPlainIdentityHashes() throws Exception {
        JsonNode subject = json.readTree(credentials
                        .of(award(DemoCatalog.definitions().get(0), "alice", "S0042"))
                        .document())
                .path("credentialSubject");

        assertThat(subject.has("id")).isFalse();
        assertThat(subject.path("identifier").findValuesAsText("identityType"))
                .containsExactly("accountId", "sisSourcedId");
        assertThat(subject.path("identifier").findValuesAsText("identityHash"))
                .allSatisfy(hash -> assertThat(hash).startsWith("sha256$").doesNotContain("alice", "S0042"));
        assertThat(subject.path("identifier").findValues("hashed")).allMatch(JsonNode::asBoolean);
    }

    @Test
    void aLearnerWithADidIsTheCredentialSubjectsId() throws Exception {
        JsonNode subject = json.readTree(credentials
                        .of(award(DemoCatalog.definitions().get(0), "did:example:alice", null))
                        .document())
                .path("credentialSubject");

        assertThat(subject.path("id").asText()).isEqualTo("did:example:alice");
        assertThat(subject.has("identifier")).isFalse();
    }

    @Test
    void twoAwardsOfTheSameLearnerHashTheirIdentifierWithDifferentSalts() throws Exception {
        CredentialDefinition definition = DemoCatalog.definitions().get(0);
        AwardChange first = award(definition, "alice@example.edu", null);
        AwardChange second = award(definition, "alice@example.edu", null, "5b0e8a0c-1111-4e3e-9a51-000000000002");

        JsonNode a = json.readTree(credentials.of(first).document()).at("/credentialSubject/identifier/0");
        JsonNode b = json.readTree(credentials.of(second).document()).at("/credentialSubject/identifier/0");

        assertThat(a.path("salt").asText()).isNotEqualTo(b.path("salt").asText());
        assertThat(a.path("identityHash").asText())
                .isNotEqualTo(b.path("identityHash").asText());
    }

    @Test
    void theIssuerProfileIsTheConfiguredIssuerUnderItsDidWebIdentifier() throws Exception {
        JsonNode issuer = json.readTree(
                        credentials.of(BadgeIssuancesTest.outboxEventAward()).document())
                .path("issuer");

        assertThat(issuer.path("id").asText()).isEqualTo(TestIssuers.DID);
        assertThat(issuer.path("name").asText()).isEqualTo("Example University Continuing Education");
        assertThat(issuer.path("url").asText()).isEqualTo("https://www.example.edu/ce");
        assertThat(issuer.path("email").asText()).isEqualTo("credentials@example.edu");
        assertThat(issuer.path("image").path("id").asText()).isEqualTo("https://www.example.edu/ce/logo.png");
    }

    @Test
    void theCredentialNamesItsRevocationBitInTheIssuersStatusList() throws Exception {
        JsonNode status = json.readTree(
                        credentials.of(BadgeIssuancesTest.outboxEventAward()).document())
                .path("credentialStatus");

        assertThat(status.path("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.path("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(status.path("statusListIndex").isTextual()).isTrue();
        assertThat(status.path("statusListIndex").asText()).isEqualTo("4711");
        assertThat(status.path("statusListCredential").asText())
                .isEqualTo("https://credentials.example.edu/issuers/ce/status/1");
        assertThat(status.path("id").asText()).isEqualTo("https://credentials.example.edu/issuers/ce/status/1#4711");
    }

    static AwardChange award(CredentialDefinition definition, String learner, String sisPersonId) {
        return award(definition, learner, sisPersonId, "0d6e2f6e-7c1a-4a53-b3f2-5a0d9c1e2b3f");
    }

    /** The award of {@code definition} as the outbox carries it to the badge side: through its JSON form. */
    static AwardChange award(CredentialDefinition definition, String learner, String sisPersonId, String awardId) {
        return award(definition, learner, sisPersonId, awardId, null);
    }

    /** The award of {@code definition} with the learner's grade achieved, through its JSON form. */
    static AwardChange graded(CredentialDefinition definition, GradeAchieved grade) {
        return award(definition, "alice", "S1", "0d6e2f6e-7c1a-4a53-b3f2-5a0d9c1e2b3f", grade);
    }

    private static AwardChange award(
            CredentialDefinition definition, String learner, String sisPersonId, String awardId, GradeAchieved grade) {
        Award award = new Award(
                awardId,
                learner,
                definition,
                AWARDED,
                EARNED,
                List.of("6f1d3c2a-8b4e-4f6a-9c1d-2e3f4a5b6c02", "not-a-uuid"),
                new Award.Trigger("not-a-uuid", "xapi", AWARDED.minusSeconds(1)),
                sisPersonId,
                grade);
        return AwardChange.fromJson(AwardChange.of(award).toJson());
    }

    /** The 1EdTech OB 3.0 AchievementCredential schema from the corpus; the test is skipped without the corpus. */
    static JsonSchema ob3Schema() throws java.io.IOException {
        assumeThat(Files.exists(BadgeIssuancesTest.OB3_SCHEMA))
                .as("the public corpus (../shared/corpus) is not beside the project; skipping the OB 3.0 schema check")
                .isTrue();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                .getSchema(Files.newInputStream(BadgeIssuancesTest.OB3_SCHEMA));
    }

    private static JsonObject jakarta(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
