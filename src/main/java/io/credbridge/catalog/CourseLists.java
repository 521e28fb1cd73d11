package io.credbridge.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's shorthand for "any course of a list": {@code {type: course-completed, courses: [a, b]}} means
 * {@code {type: any-of, criteria: [{type: course-completed, course: a}, {type: course-completed, course: b}]}},
 * and is read as that. A node that names both {@code course} and {@code courses} is left alone, so the reader
 * reports the unexpected field; any other field stays on the any-of, where the reader reports it too.
 */
final class CourseLists {

    private CourseLists() {}

    /** Rewrites every shorthand in the tree in place; returns whether there was one. */
    static boolean expand(JsonNode node) {
        boolean expanded = false;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.properties().forEach(property -> names.add(property.getKey()));
            for (String name : names) {
                if (isShorthand(object.get(name))) {
                    object.set(name, anyOf((ObjectNode) object.get(name)));
                    expanded = true;
                }
                expanded |= expand(object.get(name));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (isShorthand(array.get(i))) {
                    array.set(i, anyOf((ObjectNode) array.get(i)));
                    expanded = true;
                }
                expanded |= expand(array.get(i));
            }
        }
        return expanded;
    }

    private static boolean isShorthand(JsonNode node) {
        return node instanceof ObjectNode object
                && CourseCompleted.TYPE.equals(object.path("type").asText())
                && object.path("courses").isArray()
                && !object.has("course");
    }

    private static ObjectNode anyOf(ObjectNode shorthand) {
        ObjectNode anyOf = shorthand.deepCopy();
        anyOf.remove("courses");
        anyOf.put("type", AnyOf.TYPE);
        ArrayNode criteria = anyOf.putArray("criteria");
        shorthand
                .path("courses")
                .forEach(course ->
                        criteria.addObject().put("type", CourseCompleted.TYPE).set("course", course));
        return anyOf;
    }
}
