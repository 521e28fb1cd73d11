package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What a statement says, as a SHA-256 of its canonical form, so a statement sent again under the same id can be told
 * from another one without keeping it. It follows xAPI 1.0.3's statement comparison (Data 2.3.1): what an LRS sets
 * ({@code id}, {@code authority}, {@code stored}, {@code version}) is left out, and serialization choices that change
 * nothing count as equal: key order and whitespace, a single context activity or an array of one, a timestamp's
 * offset (the same instant), the case of UUIDs.
 */
final class StatementFingerprint {

    private static final List<String> SET_BY_AN_LRS = List.of("id", "authority", "stored", "version");
    private static final List<String> UUID_FIELDS = List.of("registration");
    private static final List<String> CONTEXT_ACTIVITY_KINDS = List.of("parent", "grouping", "category", "other");

    private StatementFingerprint() {}

    static String of(ObjectNode statement) {
        ObjectNode comparable = statement.deepCopy();
        SET_BY_AN_LRS.forEach(comparable::remove);
        normalize(comparable);
        if (comparable.get("object") instanceof ObjectNode object) {
            normalize(object);
        }
        return Sha256.hex(canonical(comparable).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A stable id for a statement sent without one, from who did what to which object when (its actor, verb,
     * object and timestamp, compared as {@link #of} compares them): Moodle's logstore_xapi sends no ids and sends a
     * failed batch again, which must not count twice. A name-based UUID, so it is still a statement id; empty when
     * the statement has no timestamp, since then two attempts of the same thing could not be told apart.
     */
    static Optional<String> derivedId(ObjectNode statement) {
        if (!(statement.get("timestamp") instanceof TextNode timestamp)) {
            return Optional.empty();
        }
        ObjectNode parts = JsonNodeFactory.instance.objectNode();
        parts.set("actor", statement.get("actor"));
        parts.set("verb", statement.path("verb").get("id"));
        if (statement.get("object") instanceof ObjectNode object) {
            ObjectNode comparable = object.deepCopy();
            normalize(comparable);
            parts.set("object", comparable);
        } else {
            parts.set("object", statement.get("object"));
        }
        parts.put("timestamp", instantOf(timestamp.textValue()));
        String name = "credbridge:xapi-statement:" + canonical(parts);
        return Optional.of(
                UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static void normalize(ObjectNode statement) {
        if (statement.get("timestamp") instanceof TextNode timestamp) {
            statement.put("timestamp", instantOf(timestamp.textValue()));
        }
        if ("StatementRef".equals(statement.path("objectType").asText())
                && statement.get("id") instanceof TextNode id) {
            statement.put("id", id.textValue().toLowerCase(Locale.ROOT));
        }
        if (statement.get("context") instanceof ObjectNode context) {
            for (String field : UUID_FIELDS) {
                if (context.get(field) instanceof TextNode uuid) {
                    context.put(field, uuid.textValue().toLowerCase(Locale.ROOT));
                }
            }
            if (context.get("contextActivities") instanceof ObjectNode activities) {
                for (String kind : CONTEXT_ACTIVITY_KINDS) {
                    if (activities.get(kind) instanceof ObjectNode single) {
                        activities.set(
                                kind, JsonNodeFactory.instance.arrayNode().add(single));
                    }
                }
            }
            if (context.get("statement") instanceof ObjectNode reference) {
                normalize(reference);
            }
        }
    }

    private static String instantOf(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant().toString();
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }

    // Jackson writes an ObjectNode in insertion order; sorting keys makes equal statements equal bytes.
    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            StringBuilder json = new StringBuilder("{");
            for (String name : names) {
                json.append(json.length() > 1 ? "," : "")
                        .append(TextNode.valueOf(name))
                        .append(':')
                        .append(canonical(node.get(name)));
            }
            return json.append('}').toString();
        }
        if (node instanceof ArrayNode array) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < array.size(); i++) {
                json.append(i > 0 ? "," : "").append(canonical(array.get(i)));
            }
            return json.append(']').toString();
        }
        return node.toString();
    }
}
