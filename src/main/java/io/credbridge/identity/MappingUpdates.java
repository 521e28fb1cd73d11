package io.credbridge.identity;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores mappings, all in one transaction, and then releases the parked events they make mappable. The release
 * comes after the commit so that the award stage, evaluating them in its own transaction, sees the mappings.
 */
@Component
class MappingUpdates {

    private final IdentityMappings mappings;
    private final ParkedEventRelease release;
    private final TransactionTemplate transactions;

    MappingUpdates(IdentityMappings mappings, ParkedEventRelease release, TransactionTemplate transactions) {
        this.mappings = mappings;
        this.release = release;
        this.transactions = transactions;
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
        return new Stored(learners.size(), courses.size(), released);
    }
}
