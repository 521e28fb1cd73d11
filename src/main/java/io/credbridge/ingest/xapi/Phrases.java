package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Small pieces of message wording shared by the schema messages and the cross-field checks. */
final class Phrases {

    private static final int LONGEST_SHOWN = 80;

    private Phrases() {}

    /** What a producer sent, short enough for a log line and exact enough to find it in the body. */
    static String found(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "an empty array" : "an array";
        }
        String json = value.toString();
        return json.length() <= LONGEST_SHOWN ? json : json.substring(0, LONGEST_SHOWN) + "…";
    }

    static String found(String text) {
        return found(TextNode.valueOf(text));
    }

    static String withArticle(String noun) {
        return ("AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
