package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.List;

/**
 * xAPI 1.0.3, 2.3.2: a voiding statement names the statement it voids, so its object is a StatementRef. Anything
 * else would void nothing, and CredBridge would silently keep counting the statement its sender meant to withdraw.
 */
final class VoidingRule {

    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private VoidingRule() {}

    static void check(JsonNode statement, Location at, List<Violation> out) {
        if (!VOIDED.equals(statement.path("verb").path("id").asText())) {
            return;
        }
        JsonNode object = statement.get("object");
        String objectType = ObjectTypes.of(object);
        if (object != null && object.isObject() && !"StatementRef".equals(objectType)) {
            Location field = at.child("object");
            out.add(new Violation(
                    field.pointer(),
                    field.field() + " must be a StatementRef (the id of the statement to void) when the verb is "
                            + VOIDED + "; found " + Phrases.withArticle(objectType.isEmpty() ? "object" : objectType)));
        }
    }
}
