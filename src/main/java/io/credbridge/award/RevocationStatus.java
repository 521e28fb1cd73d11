package io.credbridge.award;

import java.time.Instant;
import java.util.List;

/**
 * The public revocation status of awards (the issuers' status lists, which the badge package keeps). Told inside
 * the transaction that revokes, so a verifier sees an award revoked exactly when, and only if, its revocation
 * commits, whether or not the REVOKED badge event has gone out yet.
 */
public interface RevocationStatus {

    /** The awards were revoked at that time; an award that has no status entry yet gets it set when it gets one. */
    void revoked(List<String> awardIds, Instant at);
}
