package io.credbridge.ingest.caliper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a request body as a Caliper envelope (IMS Caliper 1.2, "Envelope"): {@code sensor}, {@code sendTime}, {@code
 * dataVersion} and a non-empty {@code data} array, nothing else; then checks every event and entity in {@code data}
 * against the schema of its type in the envelope's Caliper version, with the rules the schemas miss. An envelope is
 * accepted or refused as a whole, and a refusal names every problem found, each by JSON Pointer.
 */
final class CaliperEnvelopeReader {

    private static final Set<String> ENVELOPE_FIELDS = Set.of("sensor", "sendTime", "dataVersion", "data");
    private static final Pattern EVENT_ID =
            Pattern.compile("urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<CaliperVersion, Checks> checks = new EnumMap<>(CaliperVersion.class);

    CaliperEnvelopeReader() {
        for (CaliperVersion version : CaliperVersion.values()) {
            CaliperSchemas schemas = new CaliperSchemas(version);
            checks.put(version, new Checks(schemas, new EntityReferences(schemas), new SchemaFindings(schemas)));
        }
    }

    /**
     * @throws RejectedInputException 400 for a body that is not a valid envelope or holds an invalid event or
     *     entity, 422 for a {@code dataVersion} CredBridge does not take
     */
    CaliperEnvelope read(String body) {
        JsonNode envelope = parse(body);
        List<Violation> violations = new ArrayList<>();
        envelope.fieldNames().forEachRemaining(name -> {
            if (!ENVELOPE_FIELDS.contains(name)) {
                violations.add(new Violation(
                        "/" + name,
                        "/" + name + " is not allowed: an envelope holds only sensor, sendTime, dataVersion and"
                                + " data (no custom properties are permitted)"));
            }
        });
        text(envelope, "sensor", "the id of the sensor that sent the envelope", violations);
        sendTime(envelope, violations);
        JsonNode data = envelope.path("data");
        if (!data.isArray() || data.isEmpty()) {
            violations.add(new Violation(
                    "/data",
                    "/data must be an array of at least one Event or Entity; found "
                            + Quoted.of(envelope.get("data"))));
        }
        if (!envelope.has("dataVersion") && isCaliper10(data)) {
            throw unsupported("the envelope has no dataVersion and its data is Caliper 1.0 (@context "
                    + CaliperVersion.V1P0_CONTEXT + "); CredBridge takes " + CaliperVersion.supported());
        }
        text(
                envelope,
                "dataVersion",
                "the Caliper context IRI of the data, e.g. " + CaliperVersion.V1P2.context(),
                violations);
        rejectIfAny(violations, "The Caliper envelope is malformed");
        String dataVersion = envelope.get("dataVersion").asText();
        CaliperVersion version = CaliperVersion.of(dataVersion)
                .orElseThrow(() -> unsupported("dataVersion " + Quoted.of(dataVersion) + " is not a Caliper version"
                        + " CredBridge takes; it takes " + CaliperVersion.supported()));
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            violations.addAll(checks.get(version).check(data.get(i), "/data/" + i));
            items.add(data.get(i));
        }
        rejectIfAny(violations, "The Caliper envelope holds an invalid event or entity");
        return new CaliperEnvelope(envelope.get("sensor").asText(), version, items);
    }

    private JsonNode parse(String body) {
        JsonNode envelope;
        try {
            envelope = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw malformed("the body is not JSON: " + e.getOriginalMessage());
        }
        if (envelope == null || envelope.isMissingNode()) {
            throw malformed("the body is empty; a Caliper sensor sends one envelope per request");
        }
        if (envelope.isArray()) {
            throw malformed("the body is a JSON array; a Caliper sensor sends one envelope per request (an object with"
                    + " sensor, sendTime, dataVersion and data), with several events in its data array");
        }
        if (!envelope.isObject()) {
            throw malformed("the body must be a Caliper envelope (an object with sensor, sendTime, dataVersion and"
                    + " data); found " + Quoted.of(envelope));
        }
        return envelope;
    }

    private static void text(JsonNode envelope, String field, String what, List<Violation> violations) {
        JsonNode value = envelope.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            violations.add(
                    new Violation("/" + field, "/" + field + " is required: " + what + "; found " + Quoted.of(value)));
        }
    }

    private static void sendTime(JsonNode envelope, List<Violation> violations) {
        JsonNode value = envelope.get("sendTime");
        try {
            if (value != null && value.isTextual()) {
                OffsetDateTime.parse(value.asText());
                return;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Violation(
                "/sendTime",
                "/sendTime is required: when the sensor sent the envelope, an ISO 8601 date and time in UTC, e.g."
                        + " 2016-11-15T11:05:01.000Z; found " + Quoted.of(value)));
    }

    private static boolean isCaliper10(JsonNode data) {
        for (JsonNode item : data) {
            if (CaliperVersion.V1P0_CONTEXT.equals(item.path("@context").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void rejectIfAny(List<Violation> violations, String title) {
        if (!violations.isEmpty()) {
            throw new RejectedInputException(
                    400,
                    title,
                    violations.size() + " problem(s) in the envelope; nothing from it was accepted. First: "
                            + violations.get(0).message(),
                    violations);
        }
    }

    private static RejectedInputException malformed(String detail) {
        return new RejectedInputException(
                400, "The Caliper envelope is malformed", detail, List.of(new Violation("", detail)));
    }

    private static RejectedInputException unsupported(String detail) {
        return new RejectedInputException(
                422, "The Caliper version is not supported", detail, List.of(new Violation("/dataVersion", detail)));
    }

    /** The checks of one Caliper version, for one event or entity. */
    private record Checks(CaliperSchemas schemas, EntityReferences references, SchemaFindings findings) {

        List<Violation> check(JsonNode item, String pointer) {
            if (!item.isObject()) {
                return List.of(new Violation(
                        pointer, pointer + " must be an Event or Entity object; found " + Quoted.of(item)));
            }
            JsonNode type = item.get("type");
            if (type == null || !type.isTextual()) {
                return List.of(new Violation(
                        pointer + "/type",
                        pointer + "/type is required: the Event or Entity type, e.g. AssessmentEvent or Person; found "
                                + Quoted.of(type)));
            }
            if (!schemas.knows(type.asText())) {
                return List.of(new Violation(
                        pointer + "/type",
                        pointer + "/type " + Quoted.of(type) + " is not an Event or Entity type of Caliper "
                                + schemas.version().key()));
            }
            boolean event = type.asText().endsWith("Event");
            List<Violation> references = this.references.check(item, pointer, !event);
            if (!references.isEmpty()) {
                return references;
            }
            List<Violation> violations =
                    new ArrayList<>(findings.word(schemas.of(type.asText()).validate(item), item, pointer));
            JsonNode id = item.path("id");
            if (event && id.isTextual() && !EVENT_ID.matcher(id.asText()).matches()) {
                violations.add(new Violation(
                        pointer + "/id",
                        pointer + "/id must be the event's UUID as a URN, urn:uuid:<UUID> (RFC 4122); found "
                                + Quoted.of(id)));
            }
            return violations;
        }
    }
}
