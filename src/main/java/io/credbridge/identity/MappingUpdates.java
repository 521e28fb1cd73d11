package io.credbridge.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores mappings, all in one transaction, and then releases the parked events they make mappable and tells the
 * award stage of new course mappings. The release
 * comes after the commit so that the award stage, evaluating them in its own transaction, sees the mappings.
 */
@Component
class MappingUpdates {

    private static final Logger log = LoggerFactory.getLogger(MappingUpdates.class);

    private final IdentityMappings mappings;
    private final ParkedEventRelease release;
    private final TransactionTemplate transactions;
    private final ObjectProvider<CourseMappingListener> courseListeners;

    MappingUpdates(
            IdentityMappings mappings,
            ParkedEventRelease release,
            TransactionTemplate transactions,
            ObjectProvider<CourseMappingListener> courseListeners) {
        this.mappings = mappings;
        this.release = release;
        this.transactions = transactions;
        this.courseListeners = courseListeners;
    }

    /** @param parkedEventsReleased how many parked events left the parked events because of these mappings */
    record Stored(int learners, int courses, int parkedEventsReleased) {}

    Stored store(List<LearnerMapping> learners, List<CourseMapping> courses) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("mappings must be stored outside a transaction: the parked events they"
                    + " release are evaluated after the mappings commit");
        }
        transactions.executeWithoutResult(status -> {
            mappings.upsertLearners(learners);
            mappings.upsertCourses(courses);
        });
        int released = release.releaseMatching(
                learners.stream().map(LearnerMapping::learner).toList());
        if (!courses.isEmpty()) {
            courseListeners.orderedStream().forEach(listener -> {
                try {
                    listener.coursesMapped(List.copyOf(courses));
                } catch (RuntimeException e) {
                    log.warn("Judging learners again after {} course mapping(s) failed", courses.size(), e);
                }
            });
        }
        return new Stored(learners.size(), courses.size(), released);
    }
}
