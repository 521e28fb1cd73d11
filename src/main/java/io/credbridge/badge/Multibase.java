package io.credbridge.badge;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase base58-btc ({@code z} prefix), the encoding of Data Integrity proof values and Multikey public keys.
 * Small enough to carry here rather than pull in a library for one alphabet.
 */
public final class Multibase {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    /** The multicodec prefix of an Ed25519 public key (0xed, as an unsigned varint). */
    static final byte[] ED25519_PUBLIC = {(byte) 0xed, 0x01};

    private Multibase() {}

    public static String base58btc(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        // Leading zero bytes carry no numeric value; base58 keeps each one as a '1'.
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return "z" + out.reverse();
    }

    public static byte[] decodeBase58btc(String multibase) {
        if (multibase == null || !multibase.startsWith("z")) {
            throw new IllegalArgumentException("not a base58-btc multibase value (it must start with 'z')");
        }
        String digits = multibase.substring(1);
        BigInteger value = BigInteger.ZERO;
        for (char c : digits.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a base58-btc digit");
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (magnitude.length > 1 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        int zeros = 0;
        while (zeros < digits.length() && digits.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
        return out;
    }

    /** An Ed25519 public key as a Multikey {@code publicKeyMultibase}. */
    public static String ed25519PublicKey(byte[] publicKey) {
        byte[] prefixed = new byte[ED25519_PUBLIC.length + publicKey.length];
        System.arraycopy(ED25519_PUBLIC, 0, prefixed, 0, ED25519_PUBLIC.length);
        System.arraycopy(publicKey, 0, prefixed, ED25519_PUBLIC.length, publicKey.length);
        return base58btc(prefixed);
    }
}
