package io.credbridge.ingest.openedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record CredBridge cannot read as its dead letter holds it ({@link OpenEdxIngest} files it before the offset is
 * committed, {@link OpenEdxReplay} reads it again): the whole record (topic, partition, offset, headers, and the value
 * byte for byte in base64), since the headers say what the value is.
 */
final class DeadLetteredRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetteredRecords() {}

    static byte[] payloadOf(EventBusRecord record) {
        ObjectNode payload = JSON.createObjectNode()
                .put("topic", record.topic())
                .put("partition", record.partition())
                .put("offset", record.offset());
        ObjectNode headers = payload.putObject("headers");
        new TreeMap<>(record.headers()).forEach(headers::put);
        payload.put("value", Base64.getEncoder().encodeToString(record.value()));
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    static EventBusRecord recordOf(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            Map<String, String> headers = new TreeMap<>();
            node.path("headers")
                    .properties()
                    .forEach(header ->
                            headers.put(header.getKey(), header.getValue().asText()));
            return new EventBusRecord(
                    node.path("topic").asText(),
                    node.path("partition").asInt(),
                    node.path("offset").asLong(),
                    headers,
                    Base64.getDecoder().decode(node.path("value").asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the dead letter is not an Open edX record as CredBridge files one: " + e, e);
        }
    }
}
