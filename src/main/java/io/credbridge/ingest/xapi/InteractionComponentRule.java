package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** xAPI 1.0.3: within one list of interaction components (choices, scale, ...) every id is distinct. */
final class InteractionComponentRule {

    private static final List<String> LISTS = List.of("choices", "scale", "source", "target", "steps");

    private InteractionComponentRule() {}

    static void check(JsonNode definition, Location at, List<Violation> out) {
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
}
