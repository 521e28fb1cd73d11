package io.credbridge.badge;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.credbridge.badge.BadgeProperties.KeyProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads issuer keys from where the configuration points (a JWK file, a PKCS#8 file or an environment variable).
 * Every failure names the property to fix, because it stops startup.
 */
final class KeySources {

    private final UnaryOperator<String> environment;

    KeySources(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    SigningKey signingKey(KeyProperties key, String property) {
        List<String> sources = sources(key);
        if (sources.size() != 1) {
            throw new InvalidSigningConfigurationException(
                    property + " must name exactly one of jwk-file, pkcs8-file or env"
                            + (sources.isEmpty() ? "" : " (found " + String.join(", ", sources) + ")"));
        }
        try {
            if (key.jwkFile() != null) {
                return fromJwk(key.id(), read(key.jwkFile(), property + ".jwk-file"), property + ".jwk-file");
            }
            if (key.pkcs8File() != null) {
                return fromPkcs8(key.id(), Files.readAllBytes(existing(key.pkcs8File(), property + ".pkcs8-file")));
            }
            String value = environment.apply(key.env());
            if (value == null || value.isBlank()) {
                throw new InvalidSigningConfigurationException(
                        property + ".env names the environment variable " + key.env()
                                + ", which is not set: set it to the issuer's Ed25519 private key as a JWK or a PKCS#8 PEM");
            }
            return value.strip().startsWith("{")
                    ? fromJwk(key.id(), value, property + ".env (" + key.env() + ")")
                    : fromPkcs8(key.id(), value.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidSigningConfigurationException(
                    property + " is not a usable Ed25519 private key: " + e.getMessage()
                            + ". Give an OKP JWK with crv Ed25519 and d, or a PKCS#8 Ed25519 key"
                            + " (openssl genpkey -algorithm ed25519)",
                    e);
        }
    }

    /** A key an issuer signed with before a rotation: only its public half is needed. */
    VerificationKey previousKey(KeyProperties key, String property) {
        if (key.publicKeyMultibase() != null) {
            byte[] prefixed = Multibase.decodeBase58btc(key.publicKeyMultibase());
            if (prefixed.length != 34
                    || prefixed[0] != Multibase.ED25519_PUBLIC[0]
                    || prefixed[1] != Multibase.ED25519_PUBLIC[1]) {
                throw new InvalidSigningConfigurationException(
                        property + ".public-key-multibase is not an Ed25519 Multikey (z6Mk...)");
            }
            return new VerificationKey(key.id(), Arrays.copyOfRange(prefixed, 2, prefixed.length));
        }
        if (key.jwkFile() != null) {
            try {
                OctetKeyPair jwk = okp(read(key.jwkFile(), property + ".jwk-file"), property + ".jwk-file");
                return new VerificationKey(key.id(), jwk.getDecodedX());
            } catch (IOException e) {
                throw new InvalidSigningConfigurationException(
                        property + ".jwk-file cannot be read: " + e.getMessage(), e);
            }
        }
        return signingKey(key, property).verificationKey();
    }

    static SigningKey fromJwk(String keyId, String json, String property) {
        OctetKeyPair jwk = okp(json, property);
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("the JWK has no private part (d)");
        }
        SigningKey key = SigningKey.fromSeed(keyId, jwk.getDecodedD());
        if (!Arrays.equals(key.verificationKey().publicKey(), jwk.getDecodedX())) {
            throw new IllegalArgumentException("the JWK's public key (x) does not belong to its private key (d)");
        }
        return key;
    }

    private static OctetKeyPair okp(String json, String property) {
        try {
            JWK jwk = JWK.parse(json);
            if (!(jwk instanceof OctetKeyPair) || !Curve.Ed25519.equals(((OctetKeyPair) jwk).getCurve())) {
                throw new IllegalArgumentException("the JWK must have kty OKP and crv Ed25519");
            }
            return (OctetKeyPair) jwk;
        } catch (ParseException e) {
            throw new IllegalArgumentException(property + " is not a JWK: " + e.getMessage(), e);
        }
    }

    static SigningKey fromPkcs8(String keyId, byte[] content) throws GeneralSecurityException {
        String text = new String(content, StandardCharsets.US_ASCII);
        byte[] der = text.contains("-----BEGIN")
                ? Base64.getMimeDecoder()
                        .decode(text.replaceAll("-----[A-Z ]+-----", "").strip())
                : content;
        EdECPrivateKey privateKey =
                (EdECPrivateKey) KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        byte[] seed = privateKey
                .getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the PKCS#8 key holds no Ed25519 seed"));
        return SigningKey.fromSeed(keyId, seed);
    }

    private static List<String> sources(KeyProperties key) {
        List<String> sources = new ArrayList<>();
        if (key.jwkFile() != null) {
            sources.add("jwk-file");
        }
        if (key.pkcs8File() != null) {
            sources.add("pkcs8-file");
        }
        if (key.env() != null && !key.env().isBlank()) {
            sources.add("env");
        }
        return sources;
    }

    private static String read(Path file, String property) throws IOException {
        return Files.readString(existing(file, property));
    }

    private static Path existing(Path file, String property) {
        if (!Files.isReadable(file)) {
            throw new InvalidSigningConfigurationException(
                    property + " points at " + file.toAbsolutePath() + ", which does not exist or cannot be read");
        }
        return file;
    }
}
