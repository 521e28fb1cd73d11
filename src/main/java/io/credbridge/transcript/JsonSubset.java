package io.credbridge.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a SIS record holds what CredBridge wrote into it. The SIS adds fields of its own (metadata, defaults),
 * so only the written fields are compared, by value as text (a SIS may answer {@code 1} for {@code "1"}).
 */
public final class JsonSubset {

    private JsonSubset() {}

    /** Each written field the record lacks or holds otherwise, as {@code /pointer: ...}; empty when it holds all. */
    public static List<String> differences(JsonNode written, JsonNode held) {
        List<String> differences = new ArrayList<>();
        if (written != null) {
            compare("", written, held, differences);
        }
        return differences;
    }

    /** The parts of two renderings that agree: what does not depend on when or how the entry was written. */
    public static JsonNode common(JsonNode one, JsonNode other) {
        if (one.isObject() && other.isObject()) {
            ObjectNode common = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : one.properties()) {
                JsonNode theirs = other.get(field.getKey());
                if (theirs != null) {
                    JsonNode agreed = common(field.getValue(), theirs);
                    if (agreed != null) {
                        common.set(field.getKey(), agreed);
                    }
                }
            }
            return common;
        }
        return one.equals(other) ? one : null;
    }

    private static void compare(String pointer, JsonNode written, JsonNode held, List<String> differences) {
        if (held == null || held.isMissingNode()) {
            differences.add((pointer.isEmpty() ? "/" : pointer) + ": missing, CredBridge wrote " + written);
            return;
        }
        if (written.isObject()) {
            for (Map.Entry<String, JsonNode> field : written.properties()) {
                compare(
                        pointer + "/" + escape(field.getKey()),
                        field.getValue(),
                        held.get(field.getKey()),
                        differences);
            }
            return;
        }
        if (written.isArray()) {
            if (!held.isArray() || held.size() != written.size()) {
                differences.add(pointer + ": " + held + ", CredBridge wrote " + written);
                return;
            }
            for (int i = 0; i < written.size(); i++) {
                compare(pointer + "/" + i, written.get(i), held.get(i), differences);
            }
            return;
        }
        if (written.isNull() ? !held.isNull() : !written.asText().equals(held.asText()) || held.isContainerNode()) {
            differences.add(pointer + ": " + held + ", CredBridge wrote " + written);
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
