package io.credbridge.badge;

import com.apicatalog.jsonld.json.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds a Data Integrity proof with the {@code eddsa-rdfc-2022} cryptosuite (W3C vc-di-eddsa, section 3.2): the
 * proof configuration (the proof options under the document's {@code @context}) and the document are each
 * canonicalized with RDFC-1.0 and hashed with SHA-256; the proof configuration's hash followed by the document's is
 * signed with Ed25519, and the signature goes into {@code proofValue} as base58-btc multibase.
 */
public final class DataIntegrityProofs {

    static final String CRYPTOSUITE = "eddsa-rdfc-2022";

    private final CanonicalRdf canonical;
    private final Map<String, ProofConfigurationNQuads> proofConfigurations = new ConcurrentHashMap<>();

    public DataIntegrityProofs(CanonicalRdf canonical) {
        this.canonical = canonical;
    }

    public JsonObject sign(JsonObject unsecured, SigningKey key, String verificationMethod, Instant created) {
        if (unsecured.containsKey("proof")) {
            throw new IllegalArgumentException("the document already carries a proof");
        }
        // Titanium's JSON-P provider, looked up once: Json.createObjectBuilder() asks the ServiceLoader on every call,
        // which was an eighth of the CPU of securing a credential.
        JsonObject options = JsonProvider.instance()
                .createObjectBuilder()
                .add("type", "DataIntegrityProof")
                .add("cryptosuite", CRYPTOSUITE)
                .add("created", created.truncatedTo(ChronoUnit.SECONDS).toString())
                .add("verificationMethod", verificationMethod)
                .add("proofPurpose", "assertionMethod")
                .build();
        String createdAt = created.truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] hashData = concat(
                hash(proofConfiguration(unsecured.get("@context"), verificationMethod)
                        .at(createdAt)),
                hash(canonical.nquads(unsecured)));
        JsonObject proof = JsonProvider.instance()
                .createObjectBuilder(options)
                .add("proofValue", Multibase.base58btc(key.sign(hashData)))
                .build();
        // A one-element array: the OB 3.0 JSON Schema requires proof as an array, and JSON-LD reads both alike.
        return JsonProvider.instance()
                .createObjectBuilder(unsecured)
                .add("proof", JsonProvider.instance().createArrayBuilder().add(proof))
                .build();
    }

    /**
     * The proof configuration's canonical N-Quads for a context and verification method, of which only the
     * {@code created} literal varies from one credential to the next. Canonicalizing it means processing the whole
     * credentials context again, a good part of what signing costs; so it is done once, with a placeholder date, and
     * the date is put in afterwards. That is exact: the configuration is one blank node with one triple per
     * property, so the date changes neither the blank node's label nor the order of the lines. Each template checks
     * itself against a fresh canonicalization before it is used, and where the check fails, every signing
     * canonicalizes afresh.
     */
    private ProofConfigurationNQuads proofConfiguration(JsonValue context, String verificationMethod) {
        String key = (context == null ? "" : context.toString()) + "\n" + verificationMethod;
        return proofConfigurations.computeIfAbsent(
                key, unused -> ProofConfigurationNQuads.of(canonical, context, verificationMethod));
    }

    /** The canonical proof configuration with {@link #PLACEHOLDER} where the date goes. */
    private record ProofConfigurationNQuads(
            CanonicalRdf canonical, JsonValue context, String verificationMethod, String template) {

        static final String PLACEHOLDER = "2000-01-01T00:00:00Z";
        static final String CHECK_DATE = "2026-11-30T10:00:00Z";

        static ProofConfigurationNQuads of(CanonicalRdf canonical, JsonValue context, String verificationMethod) {
            String template = nquads(canonical, context, verificationMethod, PLACEHOLDER);
            boolean exact = template.indexOf(PLACEHOLDER) == template.lastIndexOf(PLACEHOLDER)
                    && template.contains(PLACEHOLDER)
                    && template.replace(PLACEHOLDER, CHECK_DATE)
                            .equals(nquads(canonical, context, verificationMethod, CHECK_DATE));
            return new ProofConfigurationNQuads(canonical, context, verificationMethod, exact ? template : null);
        }

        String at(String created) {
            return template != null
                    ? template.replace(PLACEHOLDER, created)
                    : nquads(canonical, context, verificationMethod, created);
        }

        private static String nquads(
                CanonicalRdf canonical, JsonValue context, String verificationMethod, String created) {
            JsonObjectBuilder config = JsonProvider.instance()
                    .createObjectBuilder()
                    .add("type", "DataIntegrityProof")
                    .add("cryptosuite", CRYPTOSUITE)
                    .add("created", created)
                    .add("verificationMethod", verificationMethod)
                    .add("proofPurpose", "assertionMethod");
            if (context != null) {
                config.add("@context", context);
            }
            return canonical.nquads(config.build());
        }
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
