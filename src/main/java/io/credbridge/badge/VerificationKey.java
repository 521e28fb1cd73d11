package io.credbridge.badge;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * An issuer's Ed25519 public key under its key id, as verifiers find it in the did:web document and the JWKS.
 * Keys an issuer signed with before a rotation stay published as verification keys.
 */
public record VerificationKey(String keyId, byte[] publicKey) {

    public VerificationKey {
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String publicKeyMultibase() {
        return Multibase.ed25519PublicKey(publicKey);
    }

    public OctetKeyPair jwk() {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey))
                .keyID(keyId)
                .build();
    }
}
