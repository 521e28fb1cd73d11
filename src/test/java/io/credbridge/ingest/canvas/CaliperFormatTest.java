package io.credbridge.ingest.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CaliperFormatTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theClaimsOfASignedCaliperEnvelopeAreTheEnvelopeWithoutTheTokensOwnClaims() throws Exception {
        JsonNode claims = json.readTree("""
                {"iss": "https://live-events.canvas.instructure.com", "exp": 1893456000, "iat": 1893452400,
                 "sensor": "http://canvas.example.edu/", "sendTime": "2026-11-30T10:00:00.000Z",
                 "dataVersion": "http://purl.imsglobal.org/ctx/caliper/v1p1", "data": [{"type": "Person"}]}
                """);

        ObjectNode envelope = CaliperFormat.envelopeOfClaims(claims).orElseThrow();

        assertThat(envelope.properties())
                .extracting(e -> e.getKey())
                .containsExactly("sensor", "sendTime", "dataVersion", "data");
        assertThat(claims.has("iss"))
                .as("the verified claims are left as they are")
                .isTrue();
    }

    @Test
    void aBareCaliperEventInTheClaimsIsPutInAnEnvelopeFromCanvasAsItsSensor() throws Exception {
        JsonNode claims = json.readTree("""
                {"iss": "https://live-events.canvas.instructure.com",
                 "@context": "http://purl.imsglobal.org/ctx/caliper/v1p1", "id": "urn:uuid:1",
                 "type": "GradeEvent", "action": "Graded", "eventTime": "2026-11-30T09:59:00.000Z",
                 "edApp": {"id": "http://canvas.example.edu/", "type": "SoftwareApplication"}}
                """);

        ObjectNode envelope = CaliperFormat.envelopeOfClaims(claims).orElseThrow();

        assertThat(envelope.path("sensor").asText()).isEqualTo("http://canvas.example.edu/");
        assertThat(envelope.path("sendTime").asText()).isEqualTo("2026-11-30T09:59:00.000Z");
        assertThat(envelope.path("dataVersion").asText()).isEqualTo("http://purl.imsglobal.org/ctx/caliper/v1p1");
        assertThat(envelope.at("/data/0/id").asText()).isEqualTo("urn:uuid:1");
        assertThat(envelope.at("/data/0").has("iss")).isFalse();
    }

    @Test
    void aCanvasFormatEventIsNotCaliper() throws Exception {
        JsonNode claims = json.readTree("""
                {"iss": "https://live-events.canvas.instructure.com",
                 "metadata": {"event_name": "course_completed"}, "body": {"course": {"id": "1"}}}
                """);

        assertThat(CaliperFormat.envelopeOfClaims(claims)).isEmpty();
        assertThat(CaliperFormat.isEnvelope(claims)).isFalse();
    }
}
