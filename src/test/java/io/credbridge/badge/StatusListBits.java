package io.credbridge.badge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.BitSet;
import java.util.zip.GZIPInputStream;

/**
 * Decodes an {@code encodedList} the way the W3C Bitstring Status List spec describes it, with nothing from
 * CredBridge: multibase {@code u}, base64url, GZIP, then index 0 as the most significant bit of the first byte.
 */
public record StatusListBits(BitSet bits, int length) {

    public static StatusListBits decode(String encodedList) throws IOException {
        if (!encodedList.startsWith("u")) {
            throw new IllegalArgumentException("not multibase base64url: " + encodedList.charAt(0));
        }
        byte[] compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        byte[] bytes;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            bytes = in.readAllBytes();
        }
        BitSet bits = new BitSet(bytes.length * 8);
        for (int i = 0; i < bytes.length * 8; i++) {
            if ((bytes[i / 8] & (0x80 >> (i % 8))) != 0) {
                bits.set(i);
            }
        }
        return new StatusListBits(bits, bytes.length * 8);
    }

    public boolean isSet(int index) {
        return bits.get(index);
    }
}
