package io.credbridge.identity;

import java.time.Instant;
import java.util.List;

/** What the identity API takes and answers, apart from the stored records it shows as they are. */
final class IdentityViews {

    private IdentityViews() {}

    /** A learner mapping to set; who sets it is the authenticated caller. */
    record LearnerMappingRequest(String scheme, String namespace, String value, String sisPersonId) {}

    /** A course mapping to set; who sets it is the authenticated caller. */
    record CourseMappingRequest(String lmsCourseId, String sisCourseCode, String sisSection, String sisTerm) {}

    /** @param parkedEventsReleased parked events the learner mappings released to the award stage */
    record UploadView(int learners, int courses, int parkedEventsReleased) {}

    record LearnerMappingView(
            String scheme, String namespace, String value, String sisPersonId, Instant updatedAt, String updatedBy) {

        static LearnerMappingView of(LearnerMapping mapping) {
            LearnerMappingKey key = mapping.learner();
            return new LearnerMappingView(
                    key.scheme(),
                    key.namespace(),
                    key.value(),
                    mapping.sisPersonId(),
                    mapping.updatedAt(),
                    mapping.updatedBy());
        }
    }

    record StoredLearnerView(LearnerMappingView mapping, int parkedEventsReleased) {}

    /** A parked event as the API shows it: where it came from and why it waits, not its payload. */
    record ParkedEventView(
            String eventId,
            String source,
            List<LearnerMappingKey> identifiers,
            String originTopic,
            int originPartition,
            long originOffset,
            String originKey,
            String reason,
            Instant parkedAt) {

        static ParkedEventView of(ParkedEvent event) {
            return new ParkedEventView(
                    event.eventId(),
                    event.source(),
                    event.identifiers(),
                    event.topic(),
                    event.partition(),
                    event.offset(),
                    event.key(),
                    event.reason(),
                    event.parkedAt());
        }
    }

    /** @param stillParked parked events left, including those whose learner still has no mapping */
    record ReleaseView(int released, long stillParked) {}

    static final class MappingNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MappingNotFoundException(String message) {
            super(message);
        }
    }
}
