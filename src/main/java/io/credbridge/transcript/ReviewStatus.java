package io.credbridge.transcript;

/**
 * Where an entry in the registrar's review queue stands. {@link #PENDING_REVIEW} and {@link #FAILED} wait for the
 * registrar; {@link #APPROVED} is on its way to the SIS through the outbox; {@link #REJECTED} and {@link #WRITTEN}
 * are done.
 */
public enum ReviewStatus {
    PENDING_REVIEW,
    APPROVED,
    REJECTED,
    FAILED,
    WRITTEN;

    /** Whether a registrar can still approve or reject it. */
    boolean awaitsRegistrar() {
        return this == PENDING_REVIEW || this == FAILED;
    }
}
