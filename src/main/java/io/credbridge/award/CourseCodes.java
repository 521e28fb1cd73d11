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
import org.springframework.stereotype.Component;

/**
 * Tells learners' progress which SIS course each LMS course stands for (the identity mapping's course mappings),
 * so criteria that name a SIS course code count completions of the LMS courses mapped to it. The mapping is read
 * when the facts are judged, not stored with them: a course mapped later counts from then on, for facts old and
 * new. Nothing is read while no criterion names a SIS course.
 */
@Component
class CourseCodes {

    private final CredentialCatalog catalog;
    private final IdentityMappings mappings;

    CourseCodes(CredentialCatalog catalog, IdentityMappings mappings) {
        this.catalog = catalog;
        this.mappings = mappings;
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

    /** @param alsoAbout activities of facts not yet recorded (a batch's events) */
    void map(Collection<LearnerProgress> learners, Collection<String> alsoAbout) {
        map(learners, alsoAbout, catalog.namesSisCourses());
    }

    /** @param needed whether anything to be judged names a SIS course (the catalog, or a draft in a dry run) */
    void map(Collection<LearnerProgress> learners, Collection<String> alsoAbout, boolean needed) {
        if (!needed) {
            return;
        }
        Set<String> activities = new HashSet<>(alsoAbout);
        learners.forEach(learner -> activities.addAll(learner.activities()));
        if (activities.isEmpty()) {
            return;
        }
        Map<String, String> codes = new java.util.HashMap<>();
        mappings.coursesFor(activities).forEach((lmsCourse, mapping) -> codes.put(lmsCourse, mapping.sisCourseCode()));
        learners.forEach(learner -> codes.forEach(learner::mapCourse));
    }
}
