package io.credbridge.badge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The did:web documents and JWK sets verifiers resolve the issuers' keys from. Each key is published as a Multikey
 * (the form eddsa-rdfc-2022 proofs name) and as a JsonWebKey (the form VC-JOSE names), and keys from before a
 * rotation stay listed so credentials they signed still verify.
 */
public final class DidDocuments {

    static final List<String> CONTEXTS = List.of(
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/multikey/v1",
            "https://w3id.org/security/jwk/v1");

    private final ObjectMapper json = new ObjectMapper();
    private final Issuers issuers;
    private final String hostDid;

    public DidDocuments(Issuers issuers, String publicUrl) {
        this.issuers = issuers;
        this.hostDid = "did:web:" + URI.create(publicUrl).getRawAuthority().replace(":", "%3A");
    }

    /** {@code /.well-known/did.json}: the host's DID, listing every issuer's keys. */
    public ObjectNode hostDocument() {
        return document(hostDid, issuers.all());
    }

    /** {@code /issuers/<slug>/did.json}: one issuer's DID document. */
    public Optional<ObjectNode> issuerDocument(String slug) {
        return issuer(slug).map(issuer -> document(issuer.did(), List.of(issuer)));
    }

    public ObjectNode jwks() {
        return jwks(issuers.all());
    }

    public Optional<ObjectNode> issuerJwks(String slug) {
        return issuer(slug).map(issuer -> jwks(List.of(issuer)));
    }

    private Optional<Issuer> issuer(String slug) {
        return issuers.all().stream()
                .filter(issuer -> issuer.slug().equals(slug))
                .findFirst();
    }

    private ObjectNode document(String did, List<Issuer> listed) {
        ObjectNode document = json.createObjectNode();
        ArrayNode context = document.putArray("@context");
        CONTEXTS.forEach(context::add);
        document.put("id", did);
        ArrayNode methods = document.putArray("verificationMethod");
        ArrayNode assertion = document.putArray("assertionMethod");
        for (Issuer issuer : listed) {
            for (VerificationKey key : issuer.verificationKeys()) {
                String multikeyId = issuer.did() + "#" + key.keyId();
                methods.addObject()
                        .put("id", multikeyId)
                        .put("type", "Multikey")
                        .put("controller", issuer.did())
                        .put("publicKeyMultibase", key.publicKeyMultibase());
                String jwkId = issuer.jwkVerificationMethod(key.keyId());
                ObjectNode jwkMethod = methods.addObject()
                        .put("id", jwkId)
                        .put("type", "JsonWebKey")
                        .put("controller", issuer.did());
                jwkMethod.set("publicKeyJwk", json.valueToTree(publicJwk(key, null)));
                assertion.add(multikeyId).add(jwkId);
            }
        }
        return document;
    }

    private ObjectNode jwks(List<Issuer> listed) {
        ObjectNode set = json.createObjectNode();
        ArrayNode keys = set.putArray("keys");
        for (Issuer issuer : listed) {
            for (VerificationKey key : issuer.verificationKeys()) {
                keys.add(json.valueToTree(publicJwk(key, issuer.jwkVerificationMethod(key.keyId()))));
            }
        }
        return set;
    }

    /** The public JWK; in a JWK set its {@code kid} is the verification method a JWS header names. */
    private static Map<String, Object> publicJwk(VerificationKey key, String kid) {
        Map<String, Object> jwk =
                new java.util.LinkedHashMap<>(key.jwk().toPublicJWK().toJSONObject());
        jwk.remove("kid");
        if (kid != null) {
            jwk.put("kid", kid);
        }
        jwk.put("alg", "EdDSA");
        jwk.put("use", "sig");
        return jwk;
    }
}
