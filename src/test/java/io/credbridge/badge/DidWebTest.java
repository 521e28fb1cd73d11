package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** did:web documents and JWK sets, and what a verifier that resolves keys only from them can check. */
class DidWebTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SigningKey oldKey = TestIssuers.key("key-1", 7);
    private final SigningKey newKey = TestIssuers.key("key-2", 8);
    private final Issuers beforeRotation = new Issuers(List.of(TestIssuers.issuer(oldKey, List.of())));
    private final Issuers afterRotation =
            new Issuers(List.of(TestIssuers.issuer(newKey, List.of(oldKey.verificationKey()))));
    private final DidDocuments documents = new DidDocuments(afterRotation, TestIssuers.PUBLIC_URL);
    private final MockMvc http =
            MockMvcBuilders.standaloneSetup(new DidWebController(documents)).build();

    @Test
    void theIssuersDidDocumentPublishesEachKeyAsMultikeyAndJsonWebKey() throws Exception {
        JsonNode document = json.readTree(http.perform(get("/issuers/ce/did.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(document.path("id").asText()).isEqualTo(TestIssuers.DID);
        assertThat(document.path("verificationMethod").findValuesAsText("id"))
                .containsExactly(
                        TestIssuers.DID + "#key-2",
                        TestIssuers.DID + "#key-2-jwk",
                        TestIssuers.DID + "#key-1",
                        TestIssuers.DID + "#key-1-jwk");
        JsonNode multikey = document.path("verificationMethod").get(0);
        assertThat(multikey.path("type").asText()).isEqualTo("Multikey");
        assertThat(multikey.path("publicKeyMultibase").asText()).startsWith("z6Mk");
        JsonNode jwk = document.path("verificationMethod").get(1);
        assertThat(jwk.path("type").asText()).isEqualTo("JsonWebKey");
        assertThat(jwk.path("publicKeyJwk").path("crv").asText()).isEqualTo("Ed25519");
        assertThat(jwk.path("publicKeyJwk").has("d")).isFalse();
        assertThat(document.path("assertionMethod")).hasSize(4);
    }

    @Test
    void theWellKnownDidDocumentAndJwksAreServedAndUnknownIssuersAreNotFound() throws Exception {
        JsonNode host = json.readTree(http.perform(get("/.well-known/did.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        String jwks = http.perform(get("/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(host.path("id").asText()).isEqualTo("did:web:credentials.example.edu");
        assertThat(JWKSet.parse(jwks).getKeys())
                .extracting(key -> key.getKeyID())
                .containsExactly(TestIssuers.DID + "#key-2-jwk", TestIssuers.DID + "#key-1-jwk");
        assertThat(JWKSet.parse(jwks).getKeys()).noneMatch(key -> key.isPrivate());
        http.perform(get("/issuers/nobody/did.json")).andExpect(status().isNotFound());
        http.perform(get("/issuers/ce/jwks.json")).andExpect(status().isOk());
    }

    @Test
    void aPortInThePublicUrlIsPercentEncodedInTheDid() {
        assertThat(Issuers.didWeb("localhost:8080", "ce")).isEqualTo("did:web:localhost%3A8080:issuers:ce");
        assertThat(new DidDocuments(afterRotation, "http://localhost:8080")
                        .hostDocument()
                        .path("id")
                        .asText())
                .isEqualTo("did:web:localhost%3A8080");
    }

    @Test
    void afterAKeyRotationCredentialsSignedWithTheOldKeyAndTheNewKeyBothVerifyFromThePublishedDocument()
            throws Exception {
        SecuredCredential signedBefore = TestIssuers.securedCredentials(
                        beforeRotation, EnumSet.allOf(BadgeProperties.SecuredForm.class))
                .of(BadgeIssuancesTest.outboxEventAward());
        SecuredCredential signedAfter = TestIssuers.securedCredentials(
                        afterRotation, EnumSet.allOf(BadgeProperties.SecuredForm.class))
                .of(BadgeIssuancesTest.outboxEventAward());
        CredentialVerifier verifier = new CredentialVerifier(keysResolvedFrom(http.perform(get("/issuers/ce/did.json"))
                .andReturn()
                .getResponse()
                .getContentAsString()));

        assertThat(proofOf(signedBefore).path("verificationMethod").asText()).endsWith("#key-1");
        assertThat(proofOf(signedAfter).path("verificationMethod").asText()).endsWith("#key-2");
        assertThat(verifier.verifiesDataIntegrity(signedBefore.dataIntegrity())).isTrue();
        assertThat(verifier.verifiesDataIntegrity(signedAfter.dataIntegrity())).isTrue();
        assertThat(verifier.verifiedJwsPayload(signedBefore.jwt())).isEqualTo(signedBefore.document());
        assertThat(verifier.verifiedJwsPayload(signedAfter.jwt())).isEqualTo(signedAfter.document());
    }

    @Test
    void aCredentialNamingAKeyTheDocumentDoesNotListDoesNotVerify() throws Exception {
        SigningKey unpublished = TestIssuers.key("key-9", 9);
        SecuredCredential credential = TestIssuers.securedCredentials(
                        new Issuers(List.of(TestIssuers.issuer(unpublished, List.of()))),
                        EnumSet.of(BadgeProperties.SecuredForm.DATA_INTEGRITY))
                .of(BadgeIssuancesTest.outboxEventAward());
        CredentialVerifier verifier = new CredentialVerifier(keysResolvedFrom(http.perform(get("/issuers/ce/did.json"))
                .andReturn()
                .getResponse()
                .getContentAsString()));

        assertThat(verifier.verifiesDataIntegrity(credential.dataIntegrity())).isFalse();
    }

    private JsonNode proofOf(SecuredCredential credential) throws Exception {
        return json.readTree(credential.dataIntegrity()).path("proof").get(0);
    }

    /**
     * As a verifier reads a DID document: Multikey values decoded here (not by CredBridge's Multibase), JWKs parsed
     * by nimbus's JWK parser, which is only parsing, not verifying.
     */
    private Map<String, byte[]> keysResolvedFrom(String didDocument) throws Exception {
        Map<String, byte[]> keys = new HashMap<>();
        for (JsonNode method : json.readTree(didDocument).path("verificationMethod")) {
            if (method.path("type").asText().equals("Multikey")) {
                byte[] prefixed = CredentialVerifier.base58(
                        method.path("publicKeyMultibase").asText());
                assertThat(prefixed[0]).isEqualTo((byte) 0xed);
                keys.put(method.path("id").asText(), Arrays.copyOfRange(prefixed, 2, 34));
            } else {
                OctetKeyPair jwk =
                        OctetKeyPair.parse(method.path("publicKeyJwk").toString());
                keys.put(method.path("id").asText(), jwk.getDecodedX());
            }
        }
        return keys;
    }
}
