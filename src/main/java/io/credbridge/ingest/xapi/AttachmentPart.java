package io.credbridge.ingest.xapi;

import java.util.Map;

/**
 * One part after the first of a multipart/mixed statements request: the raw content of an attachment.
 *
 * @param number the part's position in the request, 1 for the statements part
 * @param headers its headers, names in lower case
 */
record AttachmentPart(int number, Map<String, String> headers, byte[] content) {

    static final String HASH = "x-experience-api-hash";

    String header(String name) {
        return headers.get(name);
    }

    String describe() {
        return "part " + number + (headers.containsKey(HASH) ? " (" + HASH + ": " + headers.get(HASH) + ")" : "");
    }
}
