package io.credbridge.award;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells apart the same thing reported twice: a campus that wires Canvas to CredBridge and also forwards Canvas's
 * statements through an LRS sends each completion twice, under two event ids. Two facts of one learner on one course
 * (or on two LMS courses mapped to one SIS course) are one when they are of the same kind, come from different
 * sources and happened within the window of each other; a graded pair must also agree on the result. Only the
 * earliest counts, so a minimum number of attempts, a first-attempt rule or an award's evidence sees it once.
 *
 * <p>Duplicates are recognised when facts are judged, not when they are recorded: every fact stays in the ledger, so
 * the outcome does not depend on which copy arrived first, a crash between the two copies leaves nothing to repair,
 * and when a source voids its copy the other copy still stands.
 */
record CrossSourceDuplicates(Duration window) {

    /** Nothing is taken for a duplicate (the window is zero). */
    static final CrossSourceDuplicates NONE = new CrossSourceDuplicates(Duration.ZERO);

    CrossSourceDuplicates {
        Objects.requireNonNull(window, "window");
    }

    /** The facts without the later copies of a fact another source reported, in no particular order. */
    List<LearnerFact> countedOnce(List<LearnerFact> facts) {
        if (window.isZero() || facts.size() < 2) {
            return facts;
        }
        // Loops, not streams: this runs for every criterion judged for every event of every batch.
        List<LearnerFact> sorted = new ArrayList<>(facts);
        sorted.sort(LearnerFact.CHRONOLOGICAL);
        List<LearnerFact> kept = new ArrayList<>(sorted.size());
        for (LearnerFact fact : sorted) {
            if (!reportedBefore(kept, fact)) {
                kept.add(fact);
            }
        }
        return kept;
    }

    private boolean reportedBefore(List<LearnerFact> earlier, LearnerFact fact) {
        for (LearnerFact each : earlier) {
            if (sameReport(each, fact)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code later} is another source's report of what {@code earlier} states. */
    boolean sameReport(LearnerFact earlier, LearnerFact later) {
        return earlier.kind() == later.kind()
                && earlier.source() != null
                && later.source() != null
                && !earlier.source().equals(later.source())
                && Duration.between(earlier.occurredAt(), later.occurredAt())
                                .abs()
                                .compareTo(window)
                        <= 0
                && agree(earlier.passed(), later.passed())
                && agree(earlier.scaledScore(), later.scaledScore())
                && agree(earlier.rawScore(), later.rawScore());
    }

    /** A part one source left out cannot tell the reports apart; two parts given must be equal. */
    private static boolean agree(Object one, Object other) {
        return one == null || other == null || one.equals(other);
    }
}
