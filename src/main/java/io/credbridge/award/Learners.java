package io.credbridge.award;

import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.identity.IdentityMappings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Learners' progress as criteria judge it: their facts and active awards from the ledger, and which SIS course
 * each of their LMS courses stands for (the identity mapping's course mappings), so criteria that name a SIS course
 * code count completions of the LMS courses mapped to it. The mapping is read when the facts are judged, not stored
 * with them: a course mapped later counts for facts old and new. Nothing is read for it while no criterion names a
 * SIS course. Every place that judges a learner loads them here.
 */
@Component
class Learners {

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final IdentityMappings mappings;
    private final CrossSourceDuplicates duplicates;

    /** Without cross-source dedup: every fact counts. */
    Learners(AwardLedger ledger, CredentialCatalog catalog, IdentityMappings mappings) {
        this(ledger, catalog, mappings, CrossSourceDuplicates.NONE);
    }

    @Autowired
    Learners(
            AwardLedger ledger,
            CredentialCatalog catalog,
            IdentityMappings mappings,
            CrossSourceDedupProperties dedup) {
        this(ledger, catalog, mappings, new CrossSourceDuplicates(dedup.window()));
    }

    Learners(
            AwardLedger ledger,
            CredentialCatalog catalog,
            IdentityMappings mappings,
            CrossSourceDuplicates duplicates) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.mappings = mappings;
        this.duplicates = duplicates;
    }

    LearnerProgress progressOf(String learnerId) {
        return progressOf(List.of(learnerId), List.of()).get(learnerId);
    }

    /**
     * Each learner's progress; a learner with none gets an empty one.
     *
     * @param alsoAbout activities of facts not recorded yet (a batch's events) whose SIS course matters too
     */
    Map<String, LearnerProgress> progressOf(Collection<String> learnerIds, Collection<String> alsoAbout) {
        return progressOf(learnerIds, alsoAbout, catalog.namesSisCourses());
    }

    /**
     * The progress a batch's events are judged on: each learner's active awards, and their facts on the activities
     * that judging these events can read ({@link CredentialCatalog#activitiesJudgedWith}), not the rest of their
     * history, so a batch reads what its events can affect however long the learners' records grow. A batch that
     * voids events (whose facts may be on any activity), and a catalog naming SIS courses (whose LMS courses the
     * mapping decides), read every fact.
     *
     * @param eventActivities the activities of the batch's events
     * @param voids whether the batch voids events
     */
    Map<String, LearnerProgress> progressForEvents(
            Collection<String> learnerIds, Collection<String> eventActivities, boolean voids) {
        if (voids || catalog.namesSisCourses()) {
            return progressOf(learnerIds, eventActivities);
        }
        Set<String> activities = new HashSet<>();
        for (String activity : eventActivities) {
            activities.addAll(catalog.activitiesJudgedWith(activity));
        }
        Map<String, LearnerProgress> learners = ledger.progressOf(learnerIds, activities);
        learners.values().forEach(learner -> learner.countOnce(duplicates));
        return learners;
    }

    /** @param namesSisCourses whether anything to be judged names a SIS course (the catalog, or a dry run's draft) */
    Map<String, LearnerProgress> progressOf(
            Collection<String> learnerIds, Collection<String> alsoAbout, boolean namesSisCourses) {
        Map<String, LearnerProgress> learners = ledger.progressOf(learnerIds);
        learners.values().forEach(learner -> learner.countOnce(duplicates));
        if (!namesSisCourses) {
            return learners;
        }
        Set<String> activities = new HashSet<>(alsoAbout);
        learners.values().forEach(learner -> activities.addAll(learner.activities()));
        if (!activities.isEmpty()) {
            mappings.coursesFor(activities)
                    .forEach((lmsCourse, mapping) -> learners.values()
                            .forEach(learner -> learner.mapCourse(lmsCourse, mapping.sisCourseCode())));
        }
        return learners;
    }

    /**
     * The activities whose facts a requirement on these activities reads: each SIS course stands for the LMS
     * courses mapped to it.
     */
    List<String> factActivities(Collection<String> activities) {
        List<String> found = new ArrayList<>();
        List<String> sisCodes = new ArrayList<>();
        for (String activity : activities) {
            if (activity.startsWith(CourseCompleted.SIS_COURSE)) {
                sisCodes.add(activity.substring(CourseCompleted.SIS_COURSE.length()));
            } else {
                found.add(activity);
            }
        }
        found.addAll(mappings.lmsCoursesMappedTo(sisCodes));
        return found;
    }
}
