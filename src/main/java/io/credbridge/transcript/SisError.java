package io.credbridge.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a SIS said went wrong. Ethos answers {@code {"errors":[{"code","description","message"}]}} (media type
 * {@code application/vnd.hedtech.integration.errors.v2+json}); other SIS APIs answer {@code message}, {@code
 * error_description}, {@code detail} or plain text, which are read too so a registrar always sees the SIS's words.
 */
public record SisError(String code, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PLAIN_TEXT = 500;

    /** The errors in a response body; one without code when the body is not a known shape, none when empty. */
    public static List<SisError> from(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException notJson) {
            return List.of(new SisError(null, plain(body)));
        }
        List<SisError> errors = new ArrayList<>();
        root.path("errors")
                .forEach(error -> errors.add(new SisError(
                        text(error.get("code")), joined(text(error.get("message")), text(error.get("description"))))));
        if (errors.isEmpty()) {
            for (String field : List.of("message", "error_description", "detail", "error", "title")) {
                String text = text(root.get(field));
                if (text != null) {
                    return List.of(new SisError(text(root.get("code")), text));
                }
            }
            errors.add(new SisError(null, plain(body)));
        }
        return errors;
    }

    /** Every error's message, in order, as one line. */
    public static String describe(List<SisError> errors) {
        return errors.stream()
                .map(error -> error.code() == null ? error.message() : error.code() + ": " + error.message())
                .reduce((first, second) -> first + "; " + second)
                .orElse("no error details in the response");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    private static String joined(String message, String description) {
        if (message == null) {
            return description == null ? "" : description;
        }
        return description == null || description.equals(message) ? message : message + " (" + description + ")";
    }

    private static String plain(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_PLAIN_TEXT ? line.substring(0, MAX_PLAIN_TEXT) + "..." : line;
    }
}
