package io.credbridge.badge;

import java.util.ArrayList;
import java.util.List;

/**
 * An issuing unit as credentials name it: its did:web identifier and profile, the key it signs with now, and the
 * keys it signed with before (still published, so credentials signed before a rotation verify).
 */
public record Issuer(
        String catalogId,
        String slug,
        String did,
        String name,
        String url,
        String email,
        String image,
        SigningKey signingKey,
        List<VerificationKey> previousKeys) {

    public Issuer {
        previousKeys = List.copyOf(previousKeys);
    }

    /** The verification method new proofs and JWS headers name: {@code <did>#<key id>}. */
    public String verificationMethod() {
        return did + "#" + signingKey.keyId();
    }

    /** The JsonWebKey verification method of the current key, which VC-JOSE headers name as {@code kid}. */
    public String jwkVerificationMethod() {
        return jwkVerificationMethod(signingKey.keyId());
    }

    /**
     * A key is published twice, as a Multikey ({@code #<key id>}, which Data Integrity proofs name) and as a
     * JsonWebKey ({@code #<key id>-jwk}, which JOSE verifiers expect); one id cannot carry two types.
     */
    public String jwkVerificationMethod(String keyId) {
        return did + "#" + keyId + "-jwk";
    }

    /** Every key a verifier may meet in this issuer's credentials, the current one first. */
    public List<VerificationKey> verificationKeys() {
        List<VerificationKey> keys = new ArrayList<>();
        keys.add(signingKey.verificationKey());
        keys.addAll(previousKeys);
        return keys;
    }
}
