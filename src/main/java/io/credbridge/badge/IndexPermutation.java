package io.credbridge.badge;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed pseudo-random permutation of the indexes {@code [0, length)} of a status list: a balanced Feistel network
 * over the next even power of two, with HMAC-SHA256 under the issuer's secret as its round function, walked in
 * cycles until it lands inside the list. Allocating positions 0, 1, 2, ... in order and publishing their images
 * hands out every index exactly once, in an order that tells nothing about issuance to anyone without the key. Each
 * index costs 10 HMACs per step of the walk (about 2 steps for a list of 2^17); not for sharing between threads.
 */
final class IndexPermutation {

    static final int KEY_BYTES = 32;

    /* So that the network's domain, the next even power of two, still fits a non-negative int. */
    static final int MAXIMUM_LENGTH = 1 << 30;

    /* As many rounds as NIST's FF1 format-preserving cipher, made for domains as small as a short list. */
    private static final int ROUNDS = 10;

    private static final SecureRandom KEYS = new SecureRandom();

    private final Mac mac;
    private final int length;
    private final int halfBits;
    private final int halfMask;

    private IndexPermutation(byte[] key, int length) {
        this.mac = hmac(key);
        this.length = length;
        int bits = 0;
        while ((1L << bits) < length) {
            bits++;
        }
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1 << halfBits) - 1;
    }

    static IndexPermutation of(byte[] key, int length) {
        if (length < 1 || length > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException(
                    "a permutation has between 1 and " + MAXIMUM_LENGTH + " indexes; not " + length);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a permutation key has " + KEY_BYTES + " bytes; not " + key.length);
        }
        return new IndexPermutation(key, length);
    }

    /** A fresh random key, from {@link SecureRandom}: whoever knows it can tell the order of issuance. */
    static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        KEYS.nextBytes(key);
        return key;
    }

    /** The index at this position; distinct positions in {@code [0, length)} give distinct indexes. */
    int indexAt(int position) {
        if (position < 0 || position >= length) {
            throw new IllegalArgumentException("position " + position + " is outside [0, " + length + ")");
        }
        // The network permutes [0, 4^halfBits), a superset; walking the cycle from a position inside the list to
        // the next element inside it keeps the map a bijection of the list's own indexes.
        int index = position;
        do {
            index = encipher(index);
        } while (index >= length);
        return index;
    }

    private int encipher(int value) {
        int left = value >>> halfBits;
        int right = value & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            int next = left ^ (round(round, right) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    private int round(int round, int half) {
        mac.update(ByteBuffer.allocate(8).putInt(round).putInt(half).flip());
        return ByteBuffer.wrap(mac.doFinal()).getInt();
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
