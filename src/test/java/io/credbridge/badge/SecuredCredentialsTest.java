package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.award.AwardChange;
import io.credbridge.badge.BadgeProperties.SecuredForm;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecuredCredentialsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Issuer issuer = TestIssuers.issuers().all().get(0);
    private final CredentialVerifier verifier = new CredentialVerifier(Map.of(
            issuer.verificationMethod(), issuer.signingKey().verificationKey().publicKey(),
            issuer.jwkVerificationMethod(),
                    issuer.signingKey().verificationKey().publicKey()));
    private final SecuredCredential credential =
            TestIssuers.securedCredentials().of(BadgeIssuancesTest.outboxEventAward());

    @Test
    void aSuspendableCredentialNamesBothListsAtOneIndexExpandsInSafeModeAndItsProofCoversTheSuspensionEntry()
            throws Exception {
        SecuredCredential suspendable = TestIssuers.securedCredentials()
                .of(StatusListsContract.suspendable(
                        BadgeIssuancesTest.outboxEventAward().awardId(), AwardChange.Action.ISSUED));
        JsonNode statuses = json.readTree(suspendable.document()).path("credentialStatus");

        assertThat(statuses.isArray()).isTrue();
        assertThat(statuses.findValuesAsText("statusPurpose")).containsExactly("revocation", "suspension");
        assertThat(statuses.findValuesAsText("statusListIndex")).containsExactly("4711", "4711");
        assertThat(statuses.get(1).path("statusListCredential").asText())
                .isEqualTo(TestIssuers.PUBLIC_URL + "/issuers/ce/suspension/1");
        assertThat(new CanonicalRdf(JsonLdContexts.shipped(TestIssuers.PUBLIC_URL))
                        .expand(jakarta.json.Json.createReader(new java.io.StringReader(suspendable.document()))
                                .readObject()))
                .isNotEmpty();
        assertThat(verifier.verifiesDataIntegrity(suspendable.dataIntegrity())).isTrue();
        assertThat(json.readTree(verifier.verifiedJwsPayload(suspendable.jwt())).path("credentialStatus"))
                .isEqualTo(statuses);
        ObjectNode tampered = (ObjectNode) json.readTree(suspendable.dataIntegrity());
        ((ObjectNode) tampered.path("credentialStatus").get(1)).put("statusListIndex", "4712");
        assertThat(verifier.verifiesDataIntegrity(tampered.toString()))
                .as("moving the suspension bit breaks the proof")
                .isFalse();
    }

    @Test
    void theDataIntegrityProofVerifiesWithAnIndependentEd25519Implementation() throws Exception {
        JsonNode proof = json.readTree(credential.dataIntegrity()).path("proof").get(0);

        assertThat(verifier.verifiesDataIntegrity(credential.dataIntegrity())).isTrue();
        assertThat(proof.path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(proof.path("verificationMethod").asText()).isEqualTo(TestIssuers.DID + "#key-1");
        assertThat(proof.path("proofPurpose").asText()).isEqualTo("assertionMethod");
        assertThat(proof.path("proofValue").asText()).startsWith("z");
    }

    @Test
    void oneChangedFieldFailsDataIntegrityVerification() throws Exception {
        ObjectNode tampered = (ObjectNode) json.readTree(credential.dataIntegrity());
        ((ObjectNode) tampered.path("credentialSubject").path("achievement")).put("name", "SQL Mastery");

        assertThat(verifier.verifiesDataIntegrity(tampered.toString())).isFalse();
    }

    @Test
    void aChangedProofOptionFailsDataIntegrityVerification() throws Exception {
        ObjectNode tampered = (ObjectNode) json.readTree(credential.dataIntegrity());
        ((ObjectNode) tampered.path("proof").get(0)).put("created", "2020-01-01T00:00:00Z");

        assertThat(verifier.verifiesDataIntegrity(tampered.toString())).isFalse();
    }

    @Test
    void theJwsVerifiesWithASecondJoseLibraryAndCarriesTheCredential() throws Exception {
        String payload = verifier.verifiedJwsPayload(credential.jwt());

        assertThat(json.readTree(payload)).isEqualTo(json.readTree(credential.document()));
        JsonNode header =
                json.readTree(Base64.getUrlDecoder().decode(credential.jwt().split("\\.")[0]));
        assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.path("typ").asText()).isEqualTo("vc+jwt");
        assertThat(header.path("kid").asText()).isEqualTo(TestIssuers.DID + "#key-1-jwk");
    }

    @Test
    void oneChangedFieldFailsJwsVerification() {
        String[] parts = credential.jwt().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String forged = payload.replace("SQL Proficiency", "SQL Mastery");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(forged).isNotEqualTo(payload);
        assertThatThrownBy(() -> verifier.verifiedJwsPayload(tampered))
                .isInstanceOf(io.jsonwebtoken.security.SignatureException.class);
    }

    @Test
    void aCredentialSignedByAnotherKeyDoesNotVerify() throws Exception {
        Issuer impostor = TestIssuers.issuer(TestIssuers.key("key-1", 9), java.util.List.of());
        SecuredCredential forged = TestIssuers.securedCredentials(
                        new Issuers(java.util.List.of(impostor)), EnumSet.allOf(SecuredForm.class))
                .of(BadgeIssuancesTest.outboxEventAward());

        assertThat(verifier.verifiesDataIntegrity(forged.dataIntegrity())).isFalse();
        assertThatThrownBy(() -> verifier.verifiedJwsPayload(forged.jwt()))
                .isInstanceOf(io.jsonwebtoken.security.SignatureException.class);
    }

    @Test
    void aRedeliveredAwardCarriesByteIdenticalSignedCredentials() {
        SecuredCredential again = TestIssuers.securedCredentials().of(BadgeIssuancesTest.outboxEventAward());

        assertThat(again).isEqualTo(credential);
    }

    @Test
    void onlyTheConfiguredFormsAreProduced() {
        AwardChange award = BadgeIssuancesTest.outboxEventAward();

        SecuredCredential joseOnly = TestIssuers.securedCredentials(TestIssuers.issuers(), EnumSet.of(SecuredForm.JOSE))
                .of(award);
        SecuredCredential proofOnly = TestIssuers.securedCredentials(
                        TestIssuers.issuers(), EnumSet.of(SecuredForm.DATA_INTEGRITY))
                .of(award);

        assertThat(joseOnly.jwt()).isNotNull();
        assertThat(joseOnly.dataIntegrity()).isNull();
        assertThat(proofOnly.dataIntegrity()).isNotNull();
        assertThat(proofOnly.jwt()).isNull();
    }

    @Test
    void anAwardOfAnIssuerWithNoSigningConfigurationIsRefusedWithWhatToConfigure() {
        AwardChange award = BadgeIssuancesTest.outboxEventAward();
        AwardChange otherIssuer = new AwardChange(
                award.action(),
                award.awardId(),
                award.learnerId(),
                award.credentialId(),
                award.credentialVersion(),
                award.credentialName(),
                award.credentialDescription(),
                award.credentialKind(),
                "https://other.example.edu/issuers/x",
                "Other",
                award.criteria(),
                award.awardedAt(),
                award.earnedAt(),
                award.evidenceEventIds(),
                award.source(),
                award.eventReceivedAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null);

        assertThatThrownBy(() -> TestIssuers.securedCredentials().of(otherIssuer))
                .hasMessageContaining("https://other.example.edu/issuers/x")
                .hasMessageContaining("credbridge.badge.issuers");
    }
}
