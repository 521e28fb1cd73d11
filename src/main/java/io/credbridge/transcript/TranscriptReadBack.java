package io.credbridge.transcript;

import java.util.List;

/**
 * A SIS adapter that can read back what the SIS holds, so reconciliation can compare it with the awards. An adapter
 * that cannot (the {@code csv} target, a REST API without a read URL, files without acknowledgements) provides none.
 */
public interface TranscriptReadBack {

    /**
     * Compares what the SIS holds of these learners with the entries CredBridge expects it to hold, and answers
     * the differences. Throws {@link TransientSisFailure} when the SIS cannot be reached, {@link
     * PermanentSisRejection} when it refuses to answer.
     */
    List<Discrepancy> compare(List<ExpectedTranscript> learners);

    /** The target whose SIS it reads, as {@link TranscriptWriter#target()} names it. */
    String target();
}
