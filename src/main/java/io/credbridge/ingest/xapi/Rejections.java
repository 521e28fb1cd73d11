package io.credbridge.ingest.xapi;

import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.List;

/** The ways an xAPI request is refused, each with the status and title a producer sees. */
final class Rejections {

    private Rejections() {}

    static RejectedInputException malformedJson(String reason, int line, int column) {
        String detail = "The body is not valid JSON at line " + line + ", column " + column + ": " + reason;
        return new RejectedInputException(400, "Malformed JSON", detail, List.of(new Violation("", detail)));
    }

    static RejectedInputException invalidStatements(List<Violation> violations) {
        String problems = violations.size() == 1 ? "1 problem" : violations.size() + " problems";
        return new RejectedInputException(
                400,
                "Invalid xAPI statements",
                problems + " found; the whole request was rejected and nothing from it was published",
                violations);
    }

    static RejectedInputException tooManyStatements(int sent, int maximum) {
        String detail = "The request holds " + sent + " statements; at most " + maximum
                + " are accepted per request, so split it into smaller batches";
        return new RejectedInputException(413, "Too many statements", detail, List.of(new Violation("", detail)));
    }

    // The header is not part of the body, so no JSON Pointer can locate it: the detail says it all.
    static RejectedInputException unsupportedVersion(String detail) {
        return new RejectedInputException(400, "Unsupported xAPI version", detail, List.of());
    }
}
