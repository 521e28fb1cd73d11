package io.credbridge.award;

import io.credbridge.avro.LearningEvent;
import io.credbridge.kafka.ConsumedRecord;

/** A consumed record after decoding and identity resolution: usable for awarding, or bound for the dead letters. */
sealed interface Intake {

    ConsumedRecord record();

    /** The decoded event, or null when the record could not be read. */
    LearningEvent event();

    /** What the processed-event log deduplicates on: the event id, or the record's origin when it is unreadable. */
    String dedupKey();

    /** @param sisPersonId the learner's SIS person id when the identity mapping knows it, else null */
    record Usable(ConsumedRecord record, LearningEvent event, String learnerId, String sisPersonId) implements Intake {
        @Override
        public String dedupKey() {
            return event.getEventId();
        }
    }

    /** The source withdrew an earlier event (a voided xAPI statement); whoever voids it, it is not a learner's. */
    record Voiding(ConsumedRecord record, LearningEvent event) implements Intake {
        @Override
        public String dedupKey() {
            return event.getEventId();
        }

        String voidedEventId() {
            return event.getObjectId();
        }
    }

    /**
     * The learner has no SIS person id yet and the configuration requires one: the event waits, parked, and is
     * evaluated the moment a mapping for one of its identifiers arrives.
     */
    record Parked(ConsumedRecord record, LearningEvent event, String reason) implements Intake {
        @Override
        public String dedupKey() {
            return event.getEventId();
        }
    }

    record Unusable(ConsumedRecord record, LearningEvent event, String reason, String errorType) implements Intake {
        @Override
        public String dedupKey() {
            return event == null ? record.origin() : event.getEventId();
        }

        String source() {
            return event == null ? null : event.getSource();
        }
    }
}
