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

    // A query parameter is not part of the body either: the detail names it.
    static RejectedInputException badParameter(String detail) {
        return new RejectedInputException(400, "Invalid request parameter", detail, List.of());
    }

    /**
     * xAPI 1.0.3, Communication 2.1.1: an LRS stores a statement once; the same id with other content is a
     * conflict, answered 409 so the producer learns its statement was not taken.
     */
    static RejectedInputException conflictingIds(List<Violation> conflicts) {
        String detail = (conflicts.size() == 1 ? "1 statement id was" : conflicts.size() + " statement ids were")
                + " accepted before with different content and a statement never changes; the whole request was"
                + " rejected. Send a changed statement with a new id (void the old one with the verb"
                + " http://adlnet.gov/expapi/verbs/voided if it should stop counting).";
        return new RejectedInputException(409, "Statement id already used", detail, conflicts);
    }

    static RejectedInputException alternateRequestSyntax(String method) {
        String detail = "The alternate request syntax (POST ?method=" + method + " with a form body) is not"
                + " supported: xAPI 2.0 removed it and CredBridge takes statements only as JSON. Send PUT"
                + " /lms/xapi/statements?statementId=<uuid> or POST /lms/xapi/statements with Content-Type"
                + " application/json and the X-Experience-API-Version header.";
        return new RejectedInputException(400, "Alternate request syntax not supported", detail, List.of());
    }
}
