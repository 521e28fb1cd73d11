package io.credbridge.badge;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Adds a Data Integrity proof with the {@code eddsa-rdfc-2022} cryptosuite (W3C vc-di-eddsa, section 3.2): the
 * proof configuration (the proof options under the document's {@code @context}) and the document are each
 * canonicalized with RDFC-1.0 and hashed with SHA-256; the proof configuration's hash followed by the document's is
 * signed with Ed25519, and the signature goes into {@code proofValue} as base58-btc multibase.
 */
public final class DataIntegrityProofs {

    static final String CRYPTOSUITE = "eddsa-rdfc-2022";

    private final CanonicalRdf canonical;

    public DataIntegrityProofs(CanonicalRdf canonical) {
        this.canonical = canonical;
    }

    public JsonObject sign(JsonObject unsecured, SigningKey key, String verificationMethod, Instant created) {
        if (unsecured.containsKey("proof")) {
            throw new IllegalArgumentException("the document already carries a proof");
        }
        JsonObject options = Json.createObjectBuilder()
                .add("type", "DataIntegrityProof")
                .add("cryptosuite", CRYPTOSUITE)
                .add("created", created.truncatedTo(ChronoUnit.SECONDS).toString())
                .add("verificationMethod", verificationMethod)
                .add("proofPurpose", "assertionMethod")
                .build();
        JsonObjectBuilder config = Json.createObjectBuilder(options);
        if (unsecured.containsKey("@context")) {
            config.add("@context", unsecured.get("@context"));
        }
        byte[] hashData = concat(hash(canonical.nquads(config.build())), hash(canonical.nquads(unsecured)));
        JsonObject proof = Json.createObjectBuilder(options)
                .add("proofValue", Multibase.base58btc(key.sign(hashData)))
                .build();
        // A one-element array: the OB 3.0 JSON Schema requires proof as an array, and JSON-LD reads both alike.
        return Json.createObjectBuilder(unsecured)
                .add("proof", Json.createArrayBuilder().add(proof))
                .build();
    }

    static byte[] hash(String canonicalNQuads) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonicalNQuads.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
