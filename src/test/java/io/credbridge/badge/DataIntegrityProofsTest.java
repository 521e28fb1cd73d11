package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The W3C vc-di-eddsa test vectors were produced by another implementation; reproducing them byte for byte checks
 * CredBridge's canonicalization, hashing, signing and encoding against the specification.
 */
class DataIntegrityProofsTest {

    private final CanonicalRdf canonical = new CanonicalRdf(W3cTestVectors.contexts());
    private final DataIntegrityProofs proofs = new DataIntegrityProofs(canonical);

    @Test
    void signingTheSpecificationsExampleCredentialReproducesItsProofByteForByte() {
        JsonObject expected = W3cTestVectors.signed().getJsonObject("proof");

        JsonObject signed = proofs.sign(
                W3cTestVectors.unsigned(),
                W3cTestVectors.key(),
                expected.getString("verificationMethod"),
                Instant.parse(expected.getString("created")));

        assertThat(signed.getJsonArray("proof")).containsExactly(expected);
        assertThat(signed.getJsonArray("proof").getJsonObject(0).getString("proofValue"))
                .isEqualTo("z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZme");
    }

    @Test
    void theSpecificationsExampleCredentialCanonicalizesToItsPublishedNQuads() {
        assertThat(canonical.nquads(W3cTestVectors.unsigned()))
                .isEqualTo(W3cTestVectors.text("canonDocDataInt.txt").strip() + "\n");
    }

    @Test
    void theProofConfigurationCanonicalizesToThePublishedNQuads() {
        JsonObject proof = W3cTestVectors.signed().getJsonObject("proof");
        JsonObject config = Json.createObjectBuilder(proof)
                .remove("proofValue")
                .add("@context", W3cTestVectors.signed().get("@context"))
                .build();

        assertThat(canonical.nquads(config))
                .isEqualTo(W3cTestVectors.text("proofCanonDataInt.txt").strip() + "\n");
    }

    @Test
    void aLaterProofUnderTheSameContextAndMethodSignsTheProofConfigurationCanonicalizedAfresh() {
        JsonObject vector = W3cTestVectors.signed().getJsonObject("proof");
        String method = vector.getString("verificationMethod");
        proofs.sign(
                W3cTestVectors.unsigned(), W3cTestVectors.key(), method, Instant.parse(vector.getString("created")));
        JsonObject other = Json.createObjectBuilder(W3cTestVectors.unsigned())
                .add("name", "Another credential")
                .build();

        JsonObject proof = proofs.sign(other, W3cTestVectors.key(), method, Instant.parse("2031-07-04T12:34:56.789Z"))
                .getJsonArray("proof")
                .getJsonObject(0);

        JsonObject configuration = Json.createObjectBuilder(proof)
                .remove("proofValue")
                .add("@context", other.get("@context"))
                .build();
        byte[] configurationHash = DataIntegrityProofs.hash(canonical.nquads(configuration));
        byte[] documentHash = DataIntegrityProofs.hash(canonical.nquads(other));
        byte[] signed = new byte[64];
        System.arraycopy(configurationHash, 0, signed, 0, 32);
        System.arraycopy(documentHash, 0, signed, 32, 32);
        assertThat(proof.getString("created")).isEqualTo("2031-07-04T12:34:56Z");
        // Ed25519 is deterministic: the same data signed with the same key gives the same proof value.
        assertThat(proof.getString("proofValue"))
                .isEqualTo(Multibase.base58btc(W3cTestVectors.key().sign(signed)));
    }

    @Test
    void theKeyDerivedFromTheSpecificationsSecretIsItsPublishedPublicKey() {
        assertThat(W3cTestVectors.key().verificationKey().publicKeyMultibase())
                .isEqualTo(W3cTestVectors.publicKeyMultibase());
    }

    @Test
    void aDocumentThatAlreadyCarriesAProofIsNotSignedAgain() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        proofs.sign(W3cTestVectors.signed(), W3cTestVectors.key(), "did:example:1#k", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already carries a proof");
    }
}
