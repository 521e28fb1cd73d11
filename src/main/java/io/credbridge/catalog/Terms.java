package io.credbridge.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fills in the dates of every {@code window: {term: name}} in a definition from the configured terms, so a term's
 * dates are written once for the whole catalog. A window that names an unknown term, or a term and dates
 * together, is reported with its field.
 */
final class Terms {

    private Terms() {}

    /**
     * Rewrites the tree in place.
     *
     * @param problems where each problem is added, without the file's prefix
     * @return whether a window was filled in
     */
    static boolean resolve(JsonNode node, String path, Map<String, Term> terms, List<String> problems) {
        boolean resolved = false;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.properties().forEach(property -> names.add(property.getKey()));
            for (String name : names) {
                String at = path.isEmpty() ? name : path + "." + name;
                if (name.equals("window") && object.get(name) instanceof ObjectNode window && window.has("term")) {
                    resolved |= fill(window, at, terms, problems);
                } else {
                    resolved |= resolve(object.get(name), at, terms, problems);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                resolved |= resolve(array.get(i), path + "[" + i + "]", terms, problems);
            }
        }
        return resolved;
    }

    private static boolean fill(ObjectNode window, String path, Map<String, Term> terms, List<String> problems) {
        String name = window.path("term").asText();
        if (window.has("from") || window.has("to")) {
            problems.add("field '" + path + "' names the term '" + name + "' and dates; give one or the other");
            return false;
        }
        Term term = terms.get(name);
        if (term == null) {
            problems.add("field '" + path + ".term' names no term in credbridge.catalog.terms (was '" + name
                    + "'; configured: " + new TreeSet<>(terms.keySet()) + ")");
            return false;
        }
        window.put("from", term.from().toString());
        window.put("to", term.to().toString());
        return true;
    }
}
