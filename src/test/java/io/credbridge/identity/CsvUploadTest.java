package io.credbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvUploadTest {

    @Test
    void csvIsReadAsUtf8UnlessItsContentTypeNamesAnotherCharset() {
        byte[] latin1 = "S\u00e9verine".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(CsvUpload.charsetOf("text/csv")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvUpload.text(latin1, CsvUpload.charsetOf("text/csv; charset=windows-1252")))
                .isEqualTo("S\u00e9verine");
    }

    @Test
    void bytesThatAreNotTextInTheClaimedCharsetAreRefusedRatherThanStoredBroken() {
        byte[] latin1 = "S\u00e9verine".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> CsvUpload.text(latin1, StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        invalid -> assertThat(invalid.problems())
                                .singleElement()
                                .satisfies(
                                        problem -> assertThat(problem.detail()).contains("is not UTF-8 text")));
    }

    @Test
    void anythingButCsvOrNoContentTypeAtAllIsAnUnsupportedUpload() {
        for (String type : new String[] {"application/json", "text/plain", "not a media type", null}) {
            assertThatThrownBy(() -> CsvUpload.charsetOf(type))
                    .isInstanceOf(CsvUpload.UnsupportedUploadTypeException.class)
                    .hasMessageContaining("text/csv");
        }
    }

    @Test
    void aMissingBodyIsReadAsAnEmptyFile() {
        assertThat(CsvUpload.text(null, Charset.defaultCharset())).isEmpty();
    }
}
