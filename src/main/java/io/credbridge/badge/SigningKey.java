package io.credbridge.badge;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;

/**
 * An issuer's Ed25519 signing key: the 32-byte private seed and the public key derived from it, under a key id.
 * Data Integrity proofs are signed through the JCA; VC-JOSE through nimbus, which takes the same key as a JWK.
 */
public final class SigningKey {

    private final byte[] seed;
    private final VerificationKey verificationKey;

    private SigningKey(byte[] seed, VerificationKey verificationKey) {
        this.seed = seed;
        this.verificationKey = verificationKey;
    }

    public static SigningKey fromSeed(String keyId, byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key has a 32-byte seed");
        }
        try {
            byte[] publicKey = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
            return new SigningKey(seed.clone(), new VerificationKey(keyId, publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return verificationKey.keyId();
    }

    public VerificationKey verificationKey() {
        return verificationKey;
    }

    public byte[] sign(byte[] data) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    public OctetKeyPair privateJwk() {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(verificationKey.publicKey()))
                .d(Base64URL.encode(seed))
                .keyID(keyId())
                .build();
    }
}
