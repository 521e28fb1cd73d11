package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Test statements: a valid one to start from, and edits addressed by JSON Pointer. */
final class Statements {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final String COURSE = "https://lms.example.edu/courses/101";

    private static final String VALID = """
            {
              "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
              "actor": {"objectType": "Agent", "name": "Ada Lovelace", "mbox": "mailto:ada@example.edu"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
              "object": {
                "objectType": "Activity",
                "id": "https://lms.example.edu/courses/101",
                "definition": {
                  "name": {"en-US": "Course 101"},
                  "type": "http://adlnet.gov/expapi/activities/course"
                }
              },
              "result": {
                "score": {"scaled": 0.9, "raw": 90, "min": 0, "max": 100},
                "success": true, "completion": true, "duration": "PT1H30M"
              },
              "context": {
                "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                "language": "en-US",
                "contextActivities": {"parent": [{"id": "https://lms.example.edu/programs/7"}]}
              },
              "timestamp": "2020-07-15T06:36:01.917775+00:00"
            }
            """;

    private Statements() {}

    static ObjectNode valid() {
        return (ObjectNode) parse(VALID);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the value at {@code pointer} (its parent must exist) to the given JSON. */
    static ObjectNode with(ObjectNode statement, String pointer, String json) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = statement.at(at.head());
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(at.last().getMatchingProperty()), parse(json));
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), parse(json));
        }
        return statement;
    }

    static ObjectNode without(ObjectNode statement, String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        ((ObjectNode) statement.at(at.head())).remove(at.last().getMatchingProperty());
        return statement;
    }

    static String arrayOf(JsonNode... statements) {
        ArrayNode array = JSON.createArrayNode();
        for (JsonNode statement : statements) {
            array.add(statement);
        }
        return array.toString();
    }
}
