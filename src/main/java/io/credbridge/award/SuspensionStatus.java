package io.credbridge.award;

import java.time.Instant;

/**
 * The public suspension status of awards (the issuers' suspension lists, which the badge package keeps). Told inside
 * the transaction that suspends or reinstates, so a verifier sees the change exactly when, and only if, it commits.
 */
public interface SuspensionStatus {

    /**
     * The award of a credential of that catalog issuer was suspended at that time; an award whose credential has no
     * status entry yet gets one now, so that the bit has a place.
     */
    void suspended(String awardId, String catalogIssuerId, Instant at);

    /** The award's suspension ended at that time: its bit is cleared. */
    void reinstated(String awardId, String catalogIssuerId, Instant at);
}
