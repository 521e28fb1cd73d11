package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the schema library's findings into messages a producer can act on: the field, what xAPI
 * expects there and what was sent. What is expected comes from the schema's own {@code description}
 * and {@code title}, so wording and rule stay side by side in one file.
 */
final class SchemaViolationWording {

    private final JsonNode schemaDocument;

    SchemaViolationWording(JsonNode schemaDocument) {
        this.schemaDocument = schemaDocument;
    }

    Violation violation(ValidationMessage finding) {
        Location at = Location.of(finding.getInstanceLocation());
        JsonNode rule = enclosingSchema(finding);
        return switch (finding.getType()) {
            case "required" -> missing(at.child(finding.getProperty()), rule);
            case "additionalProperties" -> notAllowed(at.child(finding.getProperty()), rule);
            case "propertyNames" -> badKey(at, finding.getProperty(), finding.getSchemaNode());
            default ->
                new Violation(
                        at.pointer(),
                        at.field() + " must be " + expected(finding, rule) + "; found "
                                + Phrases.found(finding.getInstanceNode()));
        };
    }

    private static Violation missing(Location at, JsonNode rule) {
        return new Violation(
                at.pointer(), at.field() + " is required in " + Phrases.withArticle(title(rule)) + " but is missing");
    }

    private static Violation notAllowed(Location at, JsonNode rule) {
        List<String> allowed = new ArrayList<>();
        rule.path("properties").fieldNames().forEachRemaining(allowed::add);
        return new Violation(
                at.pointer(),
                at.field() + " is not allowed in " + Phrases.withArticle(title(rule)) + "; xAPI defines only "
                        + String.join(", ", allowed) + " there");
    }

    private static Violation badKey(Location map, String key, JsonNode keyRule) {
        return new Violation(
                map.child(key).pointer(),
                map.field() + " key " + Phrases.found(key) + " must be "
                        + keyRule.path("description").asText("a valid key"));
    }

    private static String expected(ValidationMessage finding, JsonNode rule) {
        if (rule.hasNonNull("description")) {
            return rule.get("description").asText();
        }
        JsonNode keyword = finding.getSchemaNode();
        return switch (finding.getType()) {
            case "type" -> Phrases.withArticle(keyword.isArray() ? keyword.toString() : keyword.asText());
            case "const" -> keyword.toString();
            case "enum" -> "one of " + keyword;
            case "minimum" -> "at least " + keyword;
            case "maximum" -> "at most " + keyword;
            case "minItems" -> "an array of at least " + keyword + " items";
            case "minLength" -> "a string of at least " + keyword + " characters";
            case "format" -> "a valid " + keyword.asText();
            case "pattern" -> "text matching " + keyword.asText();
            default -> "valid (" + finding.getMessage() + ")";
        };
    }

    /** The schema object holding the keyword that failed: its title and description word the message. */
    private JsonNode enclosingSchema(ValidationMessage finding) {
        JsonNodePath keyword = finding.getSchemaLocation().getFragment();
        JsonNodePath parent = keyword.getParent();
        return parent == null
                ? schemaDocument
                : schemaDocument.at(Location.of(parent).pointer());
    }

    private static String title(JsonNode rule) {
        return rule.path("title").asText("object");
    }
}
