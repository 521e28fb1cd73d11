package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a {@code POST /statements} body: one Statement object, or an array of them.
 * JSON is read strictly (RFC 8259: no comments, no trailing content, no repeated keys) because a
 * lenient reader would let two systems see different statements in the same bytes.
 */
record StatementBody(List<ObjectNode> statements, boolean isArray) {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static StatementBody parse(String body) {
        JsonNode root = readStrictly(body == null ? "" : body);
        if (root.isObject()) {
            return new StatementBody(List.of((ObjectNode) root), false);
        }
        if (!root.isArray() || root.isEmpty()) {
            throw Rejections.invalidStatements(List.of(new Violation(
                    "",
                    "The body must be a Statement object or a " + "non-empty array of Statement objects; found "
                            + Phrases.found(root))));
        }
        List<ObjectNode> statements = new ArrayList<>();
        List<Violation> notObjects = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            if (root.get(i) instanceof ObjectNode statement) {
                statements.add(statement);
            } else {
                notObjects.add(new Violation(
                        "/" + i, "[" + i + "] must be a Statement object; found " + Phrases.found(root.get(i))));
            }
        }
        if (!notObjects.isEmpty()) {
            throw Rejections.invalidStatements(notObjects);
        }
        return new StatementBody(List.copyOf(statements), true);
    }

    int size() {
        return statements.size();
    }

    /** Where statement number {@code index} sits in the body, as a JSON Pointer prefix. */
    String prefixOf(int index) {
        return isArray ? "/" + index : "";
    }

    private static JsonNode readStrictly(String body) {
        try {
            JsonNode root = STRICT.readTree(body);
            if (root.isMissingNode()) {
                throw Rejections.malformedJson("the body is empty", 1, 1);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
            int line = Math.max(1, where.getLineNr());
            int column = Math.max(1, where.getColumnNr());
            throw Rejections.malformedJson(e.getOriginalMessage(), line, column);
        }
    }
}
