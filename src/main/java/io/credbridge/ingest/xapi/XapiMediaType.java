package io.credbridge.ingest.xapi;

import io.credbridge.ingest.RejectedInputException;
import java.util.List;
import java.util.Locale;

/**
 * The content types the statements endpoint refuses by name, because a JSON reader would misreport them as malformed
 * JSON: statements with their attachments in the body (multipart/mixed, which signed statements need) and form
 * bodies. Every other request is read as JSON, as LRS forwarders do not always label it.
 */
final class XapiMediaType {

    private XapiMediaType() {}

    static void check(String contentType) {
        if (contentType == null) {
            return;
        }
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("multipart/")) {
            throw unsupported(
                    contentType,
                    "CredBridge does not take attachments in the request (multipart/mixed, as signed statements and"
                            + " statements with attachment parts are sent). Send the statements as application/json;"
                            + " an attachment may stay in the statement when it names its content by fileUrl.");
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            throw unsupported(
                    contentType,
                    "A form body is xAPI 1.0's alternate request syntax, which CredBridge does not support. Send"
                            + " the statements as application/json.");
        }
    }

    private static RejectedInputException unsupported(String contentType, String why) {
        return new RejectedInputException(
                415,
                "Unsupported media type",
                "Content-Type " + contentType + " is not accepted here. " + why,
                List.of());
    }
}
