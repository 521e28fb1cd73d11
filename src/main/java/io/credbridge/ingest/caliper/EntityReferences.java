package io.credbridge.ingest.caliper;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of Caliper's entity references that its schemas cannot state or state too loosely, checked by walking
 * an event or entity with its schema: a property that holds an entity holds an object of a type allowed there (the
 * schema's list of alternatives, or the stricter list of the errata) or the entity's IRI, never other text or null;
 * counts are whole numbers; and in an entity describe, decimals are written as decimals, as IMS's certification
 * fixtures require. Objects without a {@code type} are left to the schema: Open edX wraps a GradeEvent's score in
 * one.
 */
final class EntityReferences {

    /** An IRI: a scheme, a colon and no white space (RFC 3987), e.g. https://example.edu/users/1 or urn:uuid:... */
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s\"<>{}|\\\\^`]+");

    private final CaliperSchemas schemas;

    EntityReferences(CaliperSchemas schemas) {
        this.schemas = schemas;
    }

    /**
     * @param item one event or entity of an envelope's {@code data}, of a type {@link CaliperSchemas#knows}
     * @param pointer where the item is in the envelope, e.g. /data/0
     * @param describe true for an entity sent on its own (a describe), false for an event
     */
    List<Violation> check(JsonNode item, String pointer, boolean describe) {
        List<Violation> violations = new ArrayList<>();
        visit(item.path("type").asText(), item, pointer, describe, violations);
        return violations;
    }

    private void visit(String type, JsonNode entity, String pointer, boolean describe, List<Violation> violations) {
        JsonNode schema = schemas.document(type).orElseThrow();
        for (Map.Entry<String, JsonNode> field : entity.properties()) {
            String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode rule = resolve(schema.path("properties").path(field.getKey()));
            List<String> restricted = schemas.restrictedTypes(type, field.getKey());
            JsonNode value = field.getValue();
            if (isReference(rule)) {
                reference(type, field.getKey(), allowed(rule, restricted), value, at, describe, violations);
            } else if ("array".equals(rule.path("type").asText()) && isReference(resolve(rule.path("items")))) {
                List<String> allowed = allowed(resolve(rule.path("items")), restricted);
                for (int i = 0; i < value.size(); i++) {
                    reference(type, field.getKey(), allowed, value.get(i), at + "/" + i, describe, violations);
                }
            } else {
                number(rule, value, at, describe, violations);
            }
        }
    }

    private void reference(
            String owner,
            String property,
            List<String> allowed,
            JsonNode value,
            String at,
            boolean describe,
            List<Violation> violations) {
        if (value.isTextual()) {
            if (!IRI.matcher(value.asText()).matches()) {
                violations.add(new Violation(
                        at,
                        at + " must be " + expected(allowed) + "; " + Quoted.of(value)
                                + " is not an IRI (an IRI starts with a scheme, e.g. https://example.edu/users/1)"));
            }
            return;
        }
        if (!value.isObject()) {
            violations.add(new Violation(at, at + " must be " + expected(allowed) + "; found " + Quoted.of(value)));
            return;
        }
        if (!value.path("type").isTextual()) {
            return;
        }
        String type = value.get("type").asText();
        if (!allowed.isEmpty() && !allowed.contains(type)) {
            violations.add(new Violation(
                    at,
                    at + " is " + Articles.a(type) + ", but the " + property + " of " + Articles.a(owner) + " must be "
                            + expected(allowed)));
        } else if (schemas.knows(type)) {
            visit(type, value, at, describe, violations);
        }
    }

    private static void number(JsonNode rule, JsonNode value, String at, boolean describe, List<Violation> violations) {
        if (!value.isNumber()) {
            return;
        }
        String format = rule.path("format").asText();
        if ("uint32".equals(format) && (!value.canConvertToExactIntegral() || value.doubleValue() < 0)) {
            violations.add(new Violation(at, at + " must be a whole number of 0 or more; found " + value));
        } else if ("float".equals(format) && describe && value.isIntegralNumber()) {
            violations.add(new Violation(
                    at, at + " must be a decimal written with a fraction, e.g. " + value + ".0; found " + value));
        }
    }

    /** A property that holds an entity: a reference to an entity type, or a list of alternatives naming some. */
    private boolean isReference(JsonNode rule) {
        if (rule.has("$ref")) {
            return schemas.knows(rule.get("$ref").asText());
        }
        return alternatives(rule).findAny().isPresent();
    }

    private List<String> allowed(JsonNode rule, List<String> restricted) {
        if (!restricted.isEmpty()) {
            return restricted;
        }
        if (rule.has("$ref")) {
            return List.of(rule.get("$ref").asText());
        }
        return alternatives(rule).toList();
    }

    private java.util.stream.Stream<String> alternatives(JsonNode rule) {
        JsonNode list = rule.has("anyOf") ? rule.get("anyOf") : rule.path("oneOf");
        List<String> names = new ArrayList<>();
        list.forEach(alternative -> {
            String name = alternative.path("$ref").asText();
            if (schemas.knows(name)) {
                names.add(name);
            }
        });
        return names.stream();
    }

    /** Follows a reference into CaliperTypeDefinitions, where the schemas keep shared property rules. */
    private JsonNode resolve(JsonNode rule) {
        String ref = rule.path("$ref").asText();
        int hash = ref.indexOf('#');
        if (hash <= 0) {
            return rule;
        }
        return schemas.document(ref.substring(0, hash))
                .map(definitions -> definitions.at(ref.substring(hash + 1)))
                .filter(JsonNode::isObject)
                .orElse(rule);
    }

    private static String expected(List<String> allowed) {
        if (allowed.size() > 12) {
            return "an entity object or its IRI";
        }
        return String.join(" or ", allowed.stream().map(Articles::a).toList()) + " object, or its IRI";
    }
}
