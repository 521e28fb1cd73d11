package io.credbridge.ingest.xapi;

import io.credbridge.ingest.RejectedInputException;
import java.util.List;
import java.util.Locale;

/**
 * The content types the statements endpoint refuses by name, because a JSON reader would misreport them as malformed
 * JSON: multipart types other than multipart/mixed (xAPI sends attachments only so) and form bodies (xAPI 1.0's
 * alternate request syntax). Every other request is read as JSON, as LRS forwarders do not always label it.
 */
final class XapiMediaType {

    private XapiMediaType() {}

    static void check(String contentType) {
        if (contentType == null) {
            return;
        }
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("multipart/") && !MultipartStatements.isMultipartMixed(type)) {
            throw unsupported(
                    contentType,
                    "Statements with attachment parts are sent as multipart/mixed (xAPI 1.0.3, Communication 1.5.2),"
                            + " the statements in the first part; without attachment parts, as application/json.");
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            throw unsupported(
                    contentType,
                    "A form body is xAPI 1.0's alternate request syntax, which CredBridge does not support. Send"
                            + " the statements as application/json.");
        }
    }

    // 400, not 415: the ADL conformance suite expects 400 for statements in the wrong content type.
    private static RejectedInputException unsupported(String contentType, String why) {
        return new RejectedInputException(
                400,
                "Unsupported content type",
                "Content-Type " + contentType + " is not accepted here. " + why,
                List.of());
    }
}
