package io.credbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvMediaTypeTest {

    @Test
    void aCsvBodyIsReadInTheCharsetItNamesOrUtf8WhenItNamesNone() {
        assertThat(CsvMediaType.charsetOf("text/csv")).contains(StandardCharsets.UTF_8);
        assertThat(CsvMediaType.charsetOf("text/csv; charset=windows-1252")).contains(Charset.forName("windows-1252"));
    }

    @Test
    void anotherTypeAnUnreadableOneOrAnUnknownCharsetIsNotACsvUpload() {
        assertThat(CsvMediaType.charsetOf("application/json")).isEmpty();
        assertThat(CsvMediaType.charsetOf("not a media type")).isEmpty();
        assertThat(CsvMediaType.charsetOf("text/csv; charset=no-such-charset")).isEmpty();
        assertThat(CsvMediaType.charsetOf(null)).isEmpty();
    }
}
