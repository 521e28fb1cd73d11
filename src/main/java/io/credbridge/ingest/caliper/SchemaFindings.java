package io.credbridge.ingest.caliper;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words the schema library's findings for one event or entity as violations a sensor's developer can act on: the
 * JSON Pointer into the envelope, what Caliper expects there and what was sent.
 *
 * <p>Where the schemas allow one of many entity types ({@code anyOf}), the library reports every alternative that
 * failed; {@link EntityReferences} has already checked that each entity's type is allowed where it is, so only the
 * findings of the alternative matching the entity's own type are kept.
 */
final class SchemaFindings {

    private static final Pattern STRING_ALTERNATIVE = Pattern.compile(".*/(anyOf|oneOf)/\\d+/type$");

    private final CaliperSchemas schemas;

    SchemaFindings(CaliperSchemas schemas) {
        this.schemas = schemas;
    }

    /**
     * @param findings what the schema of the item's type found
     * @param item the event or entity
     * @param pointer where the item is in the envelope
     */
    List<Violation> word(Set<ValidationMessage> findings, JsonNode item, String pointer) {
        Set<Violation> violations = new LinkedHashSet<>();
        for (ValidationMessage finding : findings) {
            if (relevant(finding, item)) {
                violations.add(violation(finding, item, pointer));
            }
        }
        if (violations.isEmpty() && !findings.isEmpty()) {
            // Never accept what the schema refused, even when no finding could be attributed.
            ValidationMessage first = findings.iterator().next();
            violations.add(new Violation(pointer + first.getInstanceLocation(), first.getMessage()));
        }
        return List.copyOf(violations);
    }

    private boolean relevant(ValidationMessage finding, JsonNode item) {
        String keyword = finding.getType();
        if ("anyOf".equals(keyword) || "oneOf".equals(keyword)) {
            return false;
        }
        String path = finding.getEvaluationPath().toString();
        if ("type".equals(keyword) && STRING_ALTERNATIVE.matcher(path).matches()) {
            return false;
        }
        String schema = documentOf(finding);
        if (!schemas.knows(schema)) {
            return true;
        }
        JsonNode owner = "required".equals(keyword)
                ? item.at(finding.getInstanceLocation().toString())
                : item.at(parentOf(finding.getInstanceLocation()));
        return !owner.path("type").isTextual()
                || schema.equals(owner.get("type").asText());
    }

    private Violation violation(ValidationMessage finding, JsonNode item, String pointer) {
        String instance = finding.getInstanceLocation().toString();
        String owner = ownerType(
                item, "required".equals(finding.getType()) ? instance : parentOf(finding.getInstanceLocation()));
        JsonNode found = item.at(instance);
        JsonNode keyword = finding.getSchemaNode();
        switch (finding.getType()) {
            case "required": {
                String at = pointer + instance + "/" + finding.getProperty();
                return new Violation(at, at + " is required in " + Articles.a(owner) + " but is missing");
            }
            case "type":
                return new Violation(
                        pointer + instance,
                        pointer + instance + " must be " + types(keyword) + "; found " + Quoted.of(found));
            case "format":
                return new Violation(
                        pointer + instance,
                        pointer + instance + " must be " + format(keyword.asText()) + "; found " + Quoted.of(found));
            case "enum":
                return new Violation(
                        pointer + instance,
                        pointer + instance + " of " + Articles.a(owner) + " must be " + choices(keyword) + "; found "
                                + Quoted.of(found));
            case "pattern":
                return new Violation(
                        pointer + instance,
                        pointer + instance + " must match "
                                + keyword.asText().replace("^", "").replace("$", "") + "; found " + Quoted.of(found));
            default:
                return new Violation(pointer + instance, pointer + finding.getMessage());
        }
    }

    /** The schema document the failing keyword is in, e.g. Attempt for .../Attempt#/properties/count/type. */
    private static String documentOf(ValidationMessage finding) {
        String location = finding.getSchemaLocation().getAbsoluteIri().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String ownerType(JsonNode item, String pointer) {
        return item.at(pointer).path("type").asText("object");
    }

    private static String parentOf(JsonNodePath path) {
        JsonNodePath parent = path.getParent();
        return parent == null ? "" : parent.toString();
    }

    private static String types(JsonNode keyword) {
        if (keyword.isArray()) {
            List<String> names = new java.util.ArrayList<>();
            keyword.forEach(name -> names.add(Articles.a(name.asText())));
            return String.join(" or ", names);
        }
        return Articles.a(keyword.asText());
    }

    private static String format(String format) {
        switch (format) {
            case "date-time":
                return "an ISO 8601 date and time with offset, e.g. 2016-11-15T10:15:00.000Z";
            case "duration":
                return "an ISO 8601 duration, e.g. PT50M30S";
            default:
                return "a valid " + format;
        }
    }

    private static String choices(JsonNode keyword) {
        if (keyword.size() > 12) {
            return "one of the " + keyword.size() + " terms Caliper defines for it (e.g. " + keyword.get(0) + ")";
        }
        return "one of " + keyword;
    }
}
