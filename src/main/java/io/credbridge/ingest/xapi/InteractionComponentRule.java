package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * xAPI 1.0.3 interaction activities: a definition that describes an interaction (a correct responses pattern or
 * interaction components) says which kind with {@code interactionType}, and within one list of interaction
 * components (choices, scale, ...) every id is distinct.
 */
final class InteractionComponentRule {

    private static final List<String> LISTS = List.of("choices", "scale", "source", "target", "steps");

    private InteractionComponentRule() {}

    static void check(JsonNode definition, Location at, List<Violation> out) {
        interactionTypeOf(definition, at, out);
        for (String list : LISTS) {
            JsonNode components = definition.path(list);
            Map<String, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < components.size(); i++) {
                JsonNode id = components.get(i).path("id");
                if (!id.isTextual()) {
                    continue;
                }
                Integer first = firstIndex.putIfAbsent(id.textValue(), i);
                if (first != null) {
                    Location field = at.child(list).index(i).child("id");
                    out.add(new Violation(
                            field.pointer(),
                            field.field() + " repeats the id " + id + " of "
                                    + at.child(list).index(first).child("id").field() + "; ids within one " + list
                                    + " list must be distinct"));
                }
            }
        }
    }

    // Without the type, a consumer cannot tell how to read the responses (ADL conformance XAPI-00064).
    private static void interactionTypeOf(JsonNode definition, Location at, List<Violation> out) {
        if (!definition.isObject() || definition.has("interactionType")) {
            return;
        }
        List<String> interactionParts = new ArrayList<>();
        if (definition.has("correctResponsesPattern")) {
            interactionParts.add("correctResponsesPattern");
        }
        LISTS.stream().filter(definition::has).forEach(interactionParts::add);
        if (!interactionParts.isEmpty()) {
            Location field = at.child("interactionType");
            out.add(new Violation(
                    field.pointer(),
                    field.field() + " is required when the definition has " + String.join(", ", interactionParts)
                            + " (an interaction activity); add one of true-false, choice, fill-in, long-fill-in,"
                            + " matching, performance, sequencing, likert, numeric or other"));
        }
    }
}
