package io.credbridge.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests of configured secrets (source tokens), compared with {@link MessageDigest#isEqual} so that the
 * time a comparison takes says nothing about how much of a guess was right.
 */
public final class SecretDigests {

    private SecretDigests() {}

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
