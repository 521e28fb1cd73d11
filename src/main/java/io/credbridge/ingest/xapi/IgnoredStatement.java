package io.credbridge.ingest.xapi;

/**
 * A valid statement CredBridge does not act on; it is reported back, not treated as an error.
 *
 * @param reason why it is ignored, in words an LRS administrator understands
 */
public record IgnoredStatement(String statementId, String verbId, String reason) {}
