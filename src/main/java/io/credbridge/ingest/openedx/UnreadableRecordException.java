package io.credbridge.ingest.openedx;

/** A record from the event bus that cannot be read as the event its ce_type names; it is dead-lettered. */
final class UnreadableRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreadableRecordException(String reason) {
        super(reason);
    }

    UnreadableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
