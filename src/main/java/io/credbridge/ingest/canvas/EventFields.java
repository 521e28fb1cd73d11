package io.credbridge.ingest.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one event's fields by JSON Pointer, collecting every missing or malformed one, so that a 400 names them all
 * at once instead of one per retry.
 */
final class EventFields {

    static final String EVENT_TIME = "/metadata/event_time";

    private final JsonNode event;
    private final List<Violation> violations = new ArrayList<>();

    EventFields(JsonNode event) {
        this.event = event;
    }

    /** A string or number id or text that must be there; "" when it is not (and a violation is noted). */
    String text(String pointer, String what) {
        JsonNode node = event.at(pointer);
        if (!node.isTextual() && !node.isNumber() || node.asText().isBlank()) {
            violations.add(new Violation(pointer, pointer + " is required: " + what));
            return "";
        }
        return node.asText();
    }

    /** Text that may be absent, null or blank: null then. */
    String optionalText(String pointer) {
        JsonNode node = event.at(pointer);
        return (node.isTextual() || node.isNumber()) && !node.asText().isBlank() ? node.asText() : null;
    }

    /** A number (or numeric string, as Canvas sends some) that may be absent or null; null then. */
    Double optionalNumber(String pointer) {
        JsonNode node = event.at(pointer);
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isMissingNode()
                || node.isNull()
                || node.isTextual() && node.asText().isBlank()) {
            return null;
        }
        try {
            if (node.isTextual()) {
                return Double.valueOf(node.asText());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation(pointer, pointer + " must be a number, was " + node));
        return null;
    }

    /** Absent or null: null; otherwise it must be a boolean. */
    Boolean optionalBoolean(String pointer) {
        JsonNode node = event.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            violations.add(new Violation(pointer, pointer + " must be true or false, was " + node));
            return null;
        }
        return node.asBoolean();
    }

    /** An ISO-8601 instant that must be there; null when it is not or does not parse (a violation is noted). */
    Instant instant(String pointer, String what) {
        String text = text(pointer, what);
        return text.isEmpty() ? null : parse(pointer, text);
    }

    /** When Canvas emitted the event, which every event carries. */
    Instant emitted() {
        return instant(EVENT_TIME, "when Canvas emitted the event");
    }

    /** An ISO-8601 instant that may be absent or null. */
    Instant optionalInstant(String pointer) {
        String text = optionalText(pointer);
        return text == null ? null : parse(pointer, text);
    }

    /** @throws RejectedInputException 400 naming every field found missing or malformed so far */
    void rejectIfAnyProblem(String eventName) {
        if (!violations.isEmpty()) {
            throw new RejectedInputException(
                    400,
                    "The Canvas Live Event is malformed",
                    violations.size() + " field(s) of the " + eventName
                            + " event are missing or malformed; the event was not accepted",
                    violations);
        }
    }

    private Instant parse(String pointer, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(
                    pointer,
                    pointer + " must be an ISO-8601 time with offset, e.g. 2019-11-01T19:11:26.615Z, was " + text));
            return null;
        }
    }
}
