package io.credbridge.ingest.xapi;

import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/mixed statements request (xAPI 1.0.3, Communication 1.5.2; RFC 2046): the first part holds the
 * statements as JSON, every further part the content of one attachment. Read byte-exact, since each attachment is
 * checked against the SHA-256 its statement names.
 *
 * @param statements the first part, the JSON a PUT or POST takes
 */
record MultipartStatements(String statements, List<AttachmentPart> attachments) {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary\\s*=\\s*(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    static boolean isMultipartMixed(String contentType) {
        return contentType != null
                && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/mixed");
    }

    static MultipartStatements parse(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw malformed("Content-Type " + contentType + " names no boundary; send multipart/mixed; boundary=<text>"
                    + " with that text before each part");
        }
        List<byte[]> parts = split(body, boundary.group(1) != null ? boundary.group(1) : boundary.group(2));
        AttachmentPart first = part(1, parts.get(0));
        String firstType = first.header("content-type");
        if (firstType == null || !firstType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw malformed("The first part must hold the statements with Content-Type: application/json; found "
                    + (firstType == null ? "no Content-Type" : "Content-Type: " + firstType));
        }
        List<AttachmentPart> attachments = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            attachments.add(part(i + 1, parts.get(i)));
        }
        return new MultipartStatements(new String(first.content(), StandardCharsets.UTF_8), attachments);
    }

    // RFC 2046 5.1.1: parts are separated by CRLF "--" boundary; the last delimiter ends with "--".
    private static List<byte[]> split(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw malformed("The body holds no part: the boundary \"" + boundary + "\" of the Content-Type header"
                    + " never appears in it");
        }
        byte[] separator = concat(CRLF, delimiter);
        List<byte[]> parts = new ArrayList<>();
        int start = at + delimiter.length;
        while (!startsWith(body, start, new byte[] {'-', '-'})) {
            if (!startsWith(body, start, CRLF)) {
                throw malformed("Part " + (parts.size() + 1) + " does not start on the line after its boundary");
            }
            int end = indexOf(body, separator, start + CRLF.length);
            if (end < 0) {
                throw malformed("Part " + (parts.size() + 1) + " never ends: the closing boundary \"--" + boundary
                        + "--\" is missing");
            }
            parts.add(Arrays.copyOfRange(body, start + CRLF.length, end));
            start = end + separator.length;
        }
        if (parts.isEmpty()) {
            throw malformed("The body holds no part before its closing boundary");
        }
        return parts;
    }

    private static AttachmentPart part(int number, byte[] raw) {
        int headersEnd = startsWith(raw, 0, CRLF) ? 0 : indexOf(raw, HEADERS_END, 0);
        if (headersEnd < 0) {
            throw malformed("Part " + number + " has no blank line between its headers and its content");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String head = new String(raw, 0, headersEnd, StandardCharsets.ISO_8859_1);
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        int contentStart = headersEnd + (headersEnd == 0 ? CRLF.length : HEADERS_END.length);
        return new AttachmentPart(number, headers, Arrays.copyOfRange(raw, contentStart, raw.length));
    }

    private static RejectedInputException malformed(String detail) {
        return new RejectedInputException(
                400, "Malformed multipart request", detail, List.of(new Violation("", detail)));
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            if (startsWith(data, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, int at, byte[] pattern) {
        if (at < 0 || at + pattern.length > data.length) {
            return false;
        }
        for (int j = 0; j < pattern.length; j++) {
            if (data[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
