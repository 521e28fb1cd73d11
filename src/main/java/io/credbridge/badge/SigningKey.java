package io.credbridge.badge;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;

/**
 * An issuer's Ed25519 signing key under a key id: the public key derived from its 32-byte private seed, and signers
 * made from the seed once. Data Integrity proofs are signed with Tink, VC-JOSE with nimbus (which signs through Tink
 * too). Made per signature, as before, the JDK's Ed25519 (SunEC on Java 17) took a quarter of the CPU of securing a
 * credential, and each new nimbus signer derived the public key again, about the cost of a signature. Ed25519 is
 * deterministic: the signatures are the same bytes.
 */
public final class SigningKey {

    private final VerificationKey verificationKey;
    private final Ed25519Sign signer;
    private final JWSSigner jwsSigner;

    private SigningKey(VerificationKey verificationKey, Ed25519Sign signer, JWSSigner jwsSigner) {
        this.verificationKey = verificationKey;
        this.signer = signer;
        this.jwsSigner = jwsSigner;
    }

    public static SigningKey fromSeed(String keyId, byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key has a 32-byte seed");
        }
        try {
            byte[] publicKey = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
            return new SigningKey(
                    new VerificationKey(keyId, publicKey),
                    new Ed25519Sign(seed),
                    new Ed25519Signer(jwk(keyId, publicKey, seed)));
        } catch (GeneralSecurityException | JOSEException e) {
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
            return signer.sign(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** The key as nimbus signs a JWS with it (EdDSA). */
    JWSSigner jwsSigner() {
        return jwsSigner;
    }

    private static OctetKeyPair jwk(String keyId, byte[] publicKey, byte[] seed) {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey))
                .d(Base64URL.encode(seed))
                .keyID(keyId)
                .build();
    }
}
