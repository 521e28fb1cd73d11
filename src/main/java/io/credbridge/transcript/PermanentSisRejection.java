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
        super(target + " refused transcript entry " + entryKey + said(status, sisCode) + ": " + sisMessage);
        this.target = target;
        this.entryKey = entryKey;
        this.status = status;
        this.sisCode = sisCode;
        this.sisMessage = sisMessage;
    }

    /** The status and code in parentheses; a refusal made without an HTTP call (status 0) names no status. */
    private static String said(int status, String sisCode) {
        if (status == 0) {
            return sisCode == null ? "" : " (" + sisCode + ")";
        }
        return " (HTTP " + status + (sisCode == null ? "" : ", " + sisCode) + ")";
    }

    public String target() {
        return target;
    }

    /** The entry's idempotency key: award id / action. */
    public String entryKey() {
        return entryKey;
    }

    /**
     * The HTTP status, or 0 when the refusal came without an HTTP answer: before the SIS was called (no SIS person,
     * say), from a file target (an acknowledgement file's reject, a server that is not the one configured).
     */
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
