package io.credbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.testsupport.TestCredentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class IngestLimitsTest {

    @Test
    void theSourceIsThePathSegmentAfterLms() {
        assertThat(IngestLimits.sourceOf("/lms/xapi/statements")).isEqualTo("xapi");
        assertThat(IngestLimits.sourceOf("/lms/caliper")).isEqualTo("caliper");
        assertThat(IngestLimits.sourceOf("/lms/")).isEqualTo("unknown");
    }

    @Test
    void aBasicClientIsKnownByItsUserWhateverThePassword() {
        MockHttpServletRequest right = request("Authorization", TestCredentials.basic("lrs-a", "right"));
        MockHttpServletRequest wrong = request("Authorization", TestCredentials.basic("lrs-a", "wrong"));

        assertThat(IngestLimits.clientOf(right)).isEqualTo("basic:lrs-a").isEqualTo(IngestLimits.clientOf(wrong));
    }

    @Test
    void aBearerClientIsKnownByADigestOfItsTokenNeverTheTokenItself() {
        String client = IngestLimits.clientOf(request("Authorization", "Bearer sensor-token-123"));

        assertThat(client)
                .startsWith("bearer:")
                .doesNotContain("sensor-token-123")
                .hasSize("bearer:".length() + 32);
        assertThat(IngestLimits.clientOf(request("Authorization", "Bearer another-token")))
                .isNotEqualTo(client);
    }

    @Test
    void anUnauthenticatedOrUnreadableClientIsKnownByItsAddress() {
        MockHttpServletRequest none = request("X-Other", "1");
        none.setRemoteAddr("192.0.2.7");
        MockHttpServletRequest garbled = request("Authorization", "Basic !!!not-base64");
        garbled.setRemoteAddr("192.0.2.8");

        assertThat(IngestLimits.clientOf(none)).isEqualTo("address:192.0.2.7");
        assertThat(IngestLimits.clientOf(garbled)).isEqualTo("address:192.0.2.8");
    }

    @Test
    void aBodyIsReadWholeUpToTheLimitAndNotBeyondIt() throws Exception {
        byte[] exactly = "0123456789".getBytes(StandardCharsets.US_ASCII);

        assertThat(IngestLimits.readAtMost(new ByteArrayInputStream(exactly), 10))
                .isEqualTo(exactly);
        assertThat(IngestLimits.readAtMost(new ByteArrayInputStream(exactly), 9))
                .isNull();
        assertThat(IngestLimits.readAtMost(new ByteArrayInputStream(new byte[0]), 1))
                .isEmpty();
    }

    @Test
    void everyBodyButAMultipartOrBinaryOneIsCheckedAsText() {
        assertThat(IngestLimits.isText(null)).isTrue();
        assertThat(IngestLimits.isText("application/json; charset=utf-8")).isTrue();
        assertThat(IngestLimits.isText("text/plain")).isTrue();
        assertThat(IngestLimits.isText("application/x-www-form-urlencoded")).isTrue();
        assertThat(IngestLimits.isText("multipart/mixed; boundary=abc")).isFalse();
        assertThat(IngestLimits.isText("Application/Octet-Stream")).isFalse();
    }

    @Test
    void utf8IsAcceptedAndAnythingElseIsNamedByTheOffsetOfItsFirstBadByte() {
        assertThat(IngestLimits.utf8Problem("{\"name\": \"Zoë 学生 🎓\"}".getBytes(StandardCharsets.UTF_8)))
                .isNull();

        byte[] latin1 = "{\"name\": \"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(IngestLimits.utf8Problem(latin1)).contains("byte offset 12");

        byte[] truncated = {'"', (byte) 0xE5, (byte) 0xAD};
        assertThat(IngestLimits.utf8Problem(truncated))
                .contains("not valid UTF-8")
                .contains("byte offset 1");
    }

    @Test
    void limitsOutOfRangeStopStartupSayingWhatToSet() {
        assertThatThrownBy(() -> new IngestLimitsProperties(DataSize.ofBytes(0), 10, 10))
                .hasMessageContaining("credbridge.ingest.limits.max-body-size");
        assertThatThrownBy(() -> new IngestLimitsProperties(DataSize.ofMegabytes(4), -1, 10))
                .hasMessageContaining("credbridge.ingest.limits.requests-per-second")
                .hasMessageContaining("0 (no limit)");
        assertThatThrownBy(() -> new IngestLimitsProperties(DataSize.ofMegabytes(4), 10, 0))
                .hasMessageContaining("credbridge.ingest.limits.tracked-clients");
    }

    private static MockHttpServletRequest request(String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/lms/xapi/statements");
        request.addHeader(header, value);
        return request;
    }
}
