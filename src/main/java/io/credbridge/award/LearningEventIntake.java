package io.credbridge.award;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.identity.LearnerIdentities;
import io.credbridge.identity.LearnerIdentities.Resolution;
import io.credbridge.kafka.ConsumedRecord;
import io.credbridge.ops.LearnerRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decodes consumed records and resolves their learners, deciding for each whether the award stage can use it,
 * must park it until the learner's SIS person id is known, or must dead-letter it. A batch's learners are
 * resolved together: one lookup of the mapping table, not one per event.
 */
@Component
class LearningEventIntake {

    private static final Logger log = LoggerFactory.getLogger(LearningEventIntake.class);

    /** What the learner_id columns (award, learner_fact, transcript_review) hold. */
    static final int LEARNER_ID_MAX_LENGTH = 255;

    private final BinaryMessageDecoder<LearningEvent> decoder = LearningEvent.getDecoder();
    private final LearnerIdentities identities;

    public LearningEventIntake(LearnerIdentities identities) {
        this.identities = identities;
    }

    List<Intake> of(List<ConsumedRecord> records) {
        // A learner's event is settled once the batch's learners are resolved together; until then its slot is empty.
        List<Intake> intakes = new ArrayList<>(records.size());
        List<Integer> learnerEvents = new ArrayList<>();
        List<LearningEvent> events = new ArrayList<>();
        for (ConsumedRecord record : records) {
            LearningEvent event;
            try {
                event = decoder.decode(record.value());
            } catch (IOException | AvroRuntimeException | NullPointerException e) {
                intakes.add(new Intake.Unusable(
                        record,
                        null,
                        "the record is not a LearningEvent in Avro single-object encoding: " + e.getMessage(),
                        "undecodable-payload"));
                continue;
            }
            if (event.getType() == LearningEventType.UNKNOWN) {
                intakes.add(new Intake.Unusable(
                        record,
                        event,
                        "the event type is not one this CredBridge version knows"
                                + " (the producer is newer); replay it after upgrading",
                        "unknown-event-type"));
            } else if (event.getType() == LearningEventType.VOIDED) {
                intakes.add(new Intake.Voiding(record, event));
            } else {
                learnerEvents.add(intakes.size());
                events.add(event);
                intakes.add(null);
            }
        }
        List<Resolution> resolutions = resolve(events);
        for (int i = 0; i < learnerEvents.size(); i++) {
            int index = learnerEvents.get(i);
            intakes.set(index, settled(records.get(index), events.get(i), resolutions.get(i)));
        }
        return intakes;
    }

    /**
     * The learners of these events, with one lookup. When it fails for a reason other than the database being
     * unreachable, each is resolved alone, so that one learner the lookup cannot take is dead-lettered instead of
     * holding back its partition; that one's resolution is null.
     */
    private List<Resolution> resolve(List<LearningEvent> events) {
        try {
            return identities.resolveAll(
                    events.stream().map(LearningEvent::getLearnerIds).toList());
        } catch (RuntimeException batchFailed) {
            if (AwardStage.databaseUnreachable(batchFailed)) {
                throw batchFailed;
            }
            List<Resolution> one = new ArrayList<>(events.size());
            for (LearningEvent event : events) {
                try {
                    one.add(identities.resolve(event.getLearnerIds()));
                } catch (RuntimeException e) {
                    if (AwardStage.databaseUnreachable(e)) {
                        throw e;
                    }
                    log.error("The learner of event {} cannot be looked up; dead-lettering it", event.getEventId(), e);
                    one.add(null);
                }
            }
            return one;
        }
    }

    private static Intake settled(ConsumedRecord record, LearningEvent event, Resolution resolution) {
        if (resolution == null) {
            return new Intake.Unusable(
                    record, event, "looking up the learner's SIS person id failed", "learner-lookup-failed");
        }
        if (resolution instanceof Resolution.Resolved learner) {
            if (learner.learnerKey().length() > LEARNER_ID_MAX_LENGTH) {
                // Refused here, not by the database, whose error would quote the id into the log and the reason.
                return unusable(
                        record,
                        event,
                        "the learner id " + LearnerRef.of(learner.learnerKey()) + " is longer than the "
                                + LEARNER_ID_MAX_LENGTH + " characters awards are keyed by",
                        "learner-id-too-long");
            }
            return new Intake.Usable(record, event, learner.learnerKey(), learner.sisPersonId());
        }
        if (resolution instanceof Resolution.Unmapped unmapped) {
            return new Intake.Parked(record, event, unmapped.reason());
        }
        return new Intake.Unusable(
                record, event, ((Resolution.Unresolvable) resolution).reason(), "unresolved-learner");
    }

    private static Intake.Unusable unusable(ConsumedRecord record, LearningEvent event, String reason, String type) {
        log.warn("Learning event {} cannot be used and is dead-lettered: {}", event.getEventId(), reason);
        return new Intake.Unusable(record, event, reason, type);
    }
}
