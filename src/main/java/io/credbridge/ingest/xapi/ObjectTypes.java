package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads what kind of thing a statement's object is. */
final class ObjectTypes {

    private ObjectTypes() {}

    /** The objectType of a statement's object, "Activity" when absent as xAPI defines, "" when unreadable. */
    static String of(JsonNode object) {
        if (object == null || !object.isObject()) {
            return "";
        }
        JsonNode objectType = object.get("objectType");
        if (objectType == null) {
            return "Activity";
        }
        return objectType.isTextual() ? objectType.textValue() : "";
    }
}
