package io.credbridge.transcript;

import io.credbridge.ops.LearnerRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What CredBridge expects the SIS to hold of one learner.
 *
 * @param entries the entries in effect, oldest first: an active award's ISSUED entry; an ended award's ISSUED entry
 *     and the entry that ended it (REVOKED or EXPIRED). How they map to SIS records is the adapter's business (an
 *     ending may update, delete or reverse the issued record).
 * @param awardIds every award of the learner CredBridge made, in effect on the transcript or not: a SIS record of
 *     one of them that no entry explains is extra; records of other awards are someone else's and left alone
 */
public record ExpectedTranscript(
        String learnerId, String sisPersonId, List<TranscriptEntry> entries, Set<String> awardIds) {

    public ExpectedTranscript {
        entries = List.copyOf(entries);
        awardIds = Set.copyOf(awardIds);
    }

    /** The ids a SIS may quote this learner by, to be hidden where it does (see {@link SisResponses}). */
    public List<LearnerRef> learners() {
        return LearnerRef.both(learnerId, sisPersonId);
    }

    /** The entries of each award, oldest first: ISSUED, then the entry that ended it, if any. */
    public Collection<List<TranscriptEntry>> byAward() {
        Map<String, List<TranscriptEntry>> byAward = new LinkedHashMap<>();
        entries.forEach(entry -> byAward.computeIfAbsent(entry.awardId(), id -> new ArrayList<>())
                .add(entry));
        return byAward.values();
    }
}
