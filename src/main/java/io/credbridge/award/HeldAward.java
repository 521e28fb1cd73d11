package io.credbridge.award;

import java.time.Instant;

/**
 * A learner's active award of a credential, as the evaluation sees it: which award, the evidence it carries to
 * credentials stacked on it, and when it stops counting.
 *
 * @param expiresAt null when it never expires
 */
record HeldAward(String awardId, Evidence evidence, Instant expiresAt) {

    /** An award that never expires. */
    static HeldAward of(String awardId, Evidence evidence) {
        return new HeldAward(awardId, evidence, null);
    }

    /** Whether it still counts at {@code at}: an award stops counting the instant it expires. */
    boolean countsAt(Instant at) {
        return expiresAt == null || expiresAt.isAfter(at);
    }
}
