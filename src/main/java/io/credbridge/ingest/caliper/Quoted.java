package io.credbridge.ingest.caliper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** What a sensor sent, short enough for a problem detail and exact enough to find it in the envelope. */
final class Quoted {

    private static final int LONGEST_SHOWN = 80;

    private Quoted() {}

    static String of(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return value.hasNonNull("type") ? "a " + of(value.get("type")) + " object" : "an object";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "an empty array" : "an array";
        }
        String json = value.toString();
        return json.length() <= LONGEST_SHOWN ? json : json.substring(0, LONGEST_SHOWN) + "…";
    }

    static String of(String text) {
        return of(TextNode.valueOf(text));
    }
}
