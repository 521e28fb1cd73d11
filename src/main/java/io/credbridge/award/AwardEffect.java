package io.credbridge.award;

/**
 * A change to a learner's awards that applying an event decided, in memory, to be written in the order it was
 * decided: an award issued, or an award revoked because its criteria stopped holding. Order matters within a
 * batch: a credential revoked and then earned again must be ended before its new award takes the active slot.
 */
sealed interface AwardEffect {

    record Issued(Award award) implements AwardEffect {}

    /**
     * @param actor who or what ended it, for the ledger's ended-by
     * @param source what the outputs name as the change's origin, e.g. {@code void}
     */
    record Revoked(RevocationCascade.Revocation revocation, String actor, String source) implements AwardEffect {}
}
