package io.credbridge.badge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code encodedList} of a W3C Bitstring Status List: the bitstring (index 0 is the most significant bit of the
 * first byte), GZIP-compressed, then base64url without padding behind the multibase prefix {@code u}.
 */
final class Bitstring {

    /** The spec's minimum of 16 KB, so that one list hides each holder among at least 131,072 others. */
    static final int MINIMUM_LENGTH = 16 * 1024 * 8;

    private Bitstring() {}

    static String encode(Collection<Integer> setBits, int length) {
        if (length < MINIMUM_LENGTH || length % 8 != 0) {
            throw new IllegalArgumentException(
                    "a status list has a multiple of 8 bits, at least " + MINIMUM_LENGTH + "; not " + length);
        }
        byte[] bits = new byte[length / 8];
        for (int index : setBits) {
            if (index < 0 || index >= length) {
                throw new IllegalArgumentException("index " + index + " is outside a list of " + length);
            }
            bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bits));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
