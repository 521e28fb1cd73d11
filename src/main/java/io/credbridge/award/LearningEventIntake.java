package io.credbridge.award;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.identity.LearnerIdentities;
import io.credbridge.identity.LearnerIdentities.Resolution;
import io.credbridge.kafka.ConsumedRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.springframework.stereotype.Component;

/**
 * Decodes consumed records and resolves their learners, deciding for each whether the award stage can use it,
 * must park it until the learner's SIS person id is known, or must dead-letter it. A batch's learners are
 * resolved together: one lookup of the mapping table, not one per event.
 */
@Component
class LearningEventIntake {

    private final BinaryMessageDecoder<LearningEvent> decoder = LearningEvent.getDecoder();
    private final LearnerIdentities identities;

    public LearningEventIntake(LearnerIdentities identities) {
        this.identities = identities;
    }

    List<Intake> of(List<ConsumedRecord> records) {
        List<Intake> intakes = new ArrayList<>(records.size());
        List<Integer> learnerEvents = new ArrayList<>();
        for (ConsumedRecord record : records) {
            Intake decoded = decode(record);
            if (decoded instanceof Intake.Usable) {
                learnerEvents.add(intakes.size());
            }
            intakes.add(decoded);
        }
        List<Resolution> resolutions = identities.resolveAll(learnerEvents.stream()
                .map(index -> intakes.get(index).event().getLearnerIds())
                .toList());
        for (int i = 0; i < learnerEvents.size(); i++) {
            int index = learnerEvents.get(i);
            intakes.set(index, resolved(intakes.get(index), resolutions.get(i)));
        }
        return intakes;
    }

    /** The record decoded; a learner's event comes back Usable with no learner yet, to be resolved with its batch. */
    private Intake decode(ConsumedRecord record) {
        LearningEvent event;
        try {
            event = decoder.decode(record.value());
        } catch (IOException | AvroRuntimeException | NullPointerException e) {
            return new Intake.Unusable(
                    record,
                    null,
                    "the record is not a LearningEvent in Avro single-object" + " encoding: " + e.getMessage(),
                    "undecodable-payload");
        }
        if (event.getType() == LearningEventType.UNKNOWN) {
            return new Intake.Unusable(
                    record,
                    event,
                    "the event type is not one this CredBridge version knows"
                            + " (the producer is newer); replay it after upgrading",
                    "unknown-event-type");
        }
        if (event.getType() == LearningEventType.VOIDED) {
            return new Intake.Voiding(record, event);
        }
        return new Intake.Usable(record, event, null, null);
    }

    private static Intake resolved(Intake unresolved, Resolution resolution) {
        if (resolution instanceof Resolution.Resolved learner) {
            return new Intake.Usable(
                    unresolved.record(), unresolved.event(), learner.learnerKey(), learner.sisPersonId());
        }
        if (resolution instanceof Resolution.Unmapped unmapped) {
            return new Intake.Parked(unresolved.record(), unresolved.event(), unmapped.reason());
        }
        return new Intake.Unusable(
                unresolved.record(),
                unresolved.event(),
                ((Resolution.Unresolvable) resolution).reason(),
                "unresolved-learner");
    }
}
