package io.credbridge.ingest.xapi;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The statement ids CredBridge has accepted, each with the fingerprint of what its statement said. */
interface AcceptedStatements {

    /**
     * Remembers these statements unless one of them reuses an accepted id with another fingerprint; then nothing is
     * remembered.
     *
     * @param fingerprints statement id (lower case) to {@link StatementFingerprint}
     * @return the ids accepted before with a different fingerprint; empty when all were remembered
     */
    Set<String> rememberUnlessConflicting(Map<String, String> fingerprints, Instant acceptedAt);
}
