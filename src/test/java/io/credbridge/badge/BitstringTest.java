package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class BitstringTest {

    @Test
    void theSetBitsDecodeBackAndNoOtherIsSet() throws Exception {
        String encoded = Bitstring.encode(List.of(0, 7, 8, 4711, 131_071), Bitstring.MINIMUM_LENGTH);

        StatusListBits decoded = StatusListBits.decode(encoded);

        assertThat(decoded.bits().stream().boxed().toList()).containsExactly(0, 7, 8, 4711, 131_071);
    }

    @Test
    void theFirstIndexIsTheMostSignificantBitOfTheFirstByte() throws Exception {
        String encoded = Bitstring.encode(List.of(0, 9), Bitstring.MINIMUM_LENGTH);

        byte[] bytes = new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))
                .readAllBytes();

        assertThat(bytes[0]).isEqualTo((byte) 0x80);
        assertThat(bytes[1]).isEqualTo((byte) 0x40);
    }

    @Test
    void anEmptyListIsSixteenKilobytesGzippedBehindTheMultibasePrefixWithoutPadding() throws Exception {
        String encoded = Bitstring.encode(List.of(), Bitstring.MINIMUM_LENGTH);

        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        assertThat(StatusListBits.decode(encoded).length()).isEqualTo(16 * 1024 * 8);
        assertThat(StatusListBits.decode(encoded).bits().isEmpty()).isTrue();
        assertThat(encoded.length()).as("compressed").isLessThan(200);
    }

    @Test
    void aListShorterThanTheSpecsMinimumOrAnIndexOutsideTheListIsRefused() {
        assertThatThrownBy(() -> Bitstring.encode(List.of(), 1024)).hasMessageContaining("at least 131072");
        assertThatThrownBy(() -> Bitstring.encode(List.of(131_072), Bitstring.MINIMUM_LENGTH))
                .hasMessageContaining("outside");
    }
}
