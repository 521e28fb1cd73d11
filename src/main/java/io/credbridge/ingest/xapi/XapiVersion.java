package io.credbridge.ingest.xapi;

import java.util.regex.Pattern;

/** The xAPI version a request declares in its X-Experience-API-Version header. */
record XapiVersion(String value) {

    static final String HEADER = "X-Experience-API-Version";

    // xAPI 1.0.3 accepts "1.0" and "1.0.x" in the header; 2.0 (IEEE 9274.1.1) likewise "2.0" and "2.0.x".
    private static final Pattern SUPPORTED = Pattern.compile("[12]\\.0(?:\\.[0-9]+)?");
    private static final String WHAT_TO_SEND = "send " + HEADER + ": 1.0.3";

    static XapiVersion fromHeader(String header) {
        if (header == null || header.isBlank()) {
            throw Rejections.unsupportedVersion(
                    "The " + HEADER + " header is missing; " + WHAT_TO_SEND + " (or another 1.0.x or 2.0.x version)");
        }
        String value = header.strip();
        if (!SUPPORTED.matcher(value).matches()) {
            throw Rejections.unsupportedVersion("The " + HEADER + " header says " + Phrases.found(value)
                    + ", which CredBridge does not accept; " + WHAT_TO_SEND + " (accepted: 1.0, 1.0.x, 2.0, 2.0.x)");
        }
        return new XapiVersion(value);
    }

    boolean isTwoDotZero() {
        return value.startsWith("2.0");
    }

    @Override
    public String toString() {
        return value;
    }
}
