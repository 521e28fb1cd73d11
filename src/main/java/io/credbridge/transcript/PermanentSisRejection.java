package io.credbridge.transcript;

import io.credbridge.outbox.PermanentDeliveryFailure;

/**
 * The SIS refused a transcript entry for a reason that retrying cannot fix: a validation error (400, 404, 422) or
 * a resource that is read-only there (405). It carries the SIS's own words, which a registrar needs to fix the
 * data and resubmit; the outbox gives the entry up at once instead of asking again.
 */
public class PermanentSisRejection extends PermanentDeliveryFailure {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final String entryKey;
    private final int status;
    private final String sisCode;
    private final String sisMessage;

    public PermanentSisRejection(String target, String entryKey, int status, String sisCode, String sisMessage) {
        super(target + " refused transcript entry " + entryKey + " (HTTP " + status
                + (sisCode == null ? "" : ", " + sisCode) + "): " + sisMessage);
        this.target = target;
        this.entryKey = entryKey;
        this.status = status;
        this.sisCode = sisCode;
        this.sisMessage = sisMessage;
    }

    public String target() {
        return target;
    }

    /** The entry's idempotency key: award id / action. */
    public String entryKey() {
        return entryKey;
    }

    /** The HTTP status, or 0 when the entry was refused before the SIS was called (no SIS person, say). */
    public int status() {
        return status;
    }

    /** The SIS's error code (Ethos: {@code errors[].code}), or null. */
    public String sisCode() {
        return sisCode;
    }

    public String sisMessage() {
        return sisMessage;
    }
}
