package io.credbridge.transcript.ethos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The id an Ethos answer gives its record. Ethos keeps the GUID a PUT names, but a tenant's API (an Ethos API
 * Builder resource, say) may assign its own; the nil GUID is no record's id.
 */
final class EthosRecordIds {

    static final String NIL_GUID = "00000000-0000-0000-0000-000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EthosRecordIds() {}

    static Optional<String> answered(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode id = JSON.readTree(body).path("id");
            return id.isTextual() && !id.asText().isBlank() && !NIL_GUID.equals(id.asText())
                    ? Optional.of(id.asText())
                    : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
