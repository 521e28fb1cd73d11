package io.credbridge.transcript;

/**
 * A difference between CredBridge's awards and what the SIS holds.
 *
 * @param action the entry concerned; null when a SIS record cannot be told apart by action
 * @param sisRecordId the SIS's id of the record concerned, when known
 * @param reason what differs, in words a registrar can act on
 */
public record Discrepancy(
        Kind kind, String learnerId, String awardId, TranscriptEntry.Action action, String sisRecordId, String reason) {

    /**
     * {@link #MISSING}: CredBridge expects a record the SIS does not hold. {@link #EXTRA}: the SIS holds a record of
     * CredBridge's awards that nothing explains (or holds it twice). {@link #MISMATCHED}: the record is there but
     * says something else.
     */
    public enum Kind {
        MISSING,
        EXTRA,
        MISMATCHED
    }

    public static Discrepancy missing(TranscriptEntry entry, String sisRecordId, String reason) {
        return new Discrepancy(Kind.MISSING, entry.learnerId(), entry.awardId(), entry.action(), sisRecordId, reason);
    }

    public static Discrepancy mismatched(TranscriptEntry entry, String sisRecordId, String reason) {
        return new Discrepancy(
                Kind.MISMATCHED, entry.learnerId(), entry.awardId(), entry.action(), sisRecordId, reason);
    }

    public static Discrepancy extra(
            String learnerId, String awardId, TranscriptEntry.Action action, String sisRecordId, String reason) {
        return new Discrepancy(Kind.EXTRA, learnerId, awardId, action, sisRecordId, reason);
    }

    /** The same difference with the SIS record id filled in, when it named none. */
    Discrepancy withSisRecordId(String id) {
        return sisRecordId != null || id == null ? this : new Discrepancy(kind, learnerId, awardId, action, id, reason);
    }

    /** The same difference with more said about it. */
    Discrepancy because(String more) {
        return new Discrepancy(kind, learnerId, awardId, action, sisRecordId, reason + "; " + more);
    }
}
