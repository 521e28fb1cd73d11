package io.credbridge.award;

import java.time.Instant;

/**
 * A learner's active award of a credential, as the evaluation sees it: which award, the evidence it carries to
 * credentials stacked on it, when it stops counting, and whether it was earned by the criteria (only those are
 * revoked when the criteria stop holding; a registrar's grant stands until the registrar revokes it).
 *
 * @param expiresAt null when it never expires
 */
record HeldAward(String awardId, Evidence evidence, Instant expiresAt, boolean earned) {

    /** An earned award that never expires. */
    static HeldAward of(String awardId, Evidence evidence) {
        return new HeldAward(awardId, evidence, null, true);
    }

    /** Whether it still counts at {@code at}: an award stops counting the instant it expires. */
    boolean countsAt(Instant at) {
        return expiresAt == null || expiresAt.isAfter(at);
    }
}
