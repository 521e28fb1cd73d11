package io.credbridge.award;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.identity.LearnerIdentityResolver;
import io.credbridge.kafka.ConsumedRecord;
import java.io.IOException;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.springframework.stereotype.Component;

/** Decodes a consumed record and resolves its learner, deciding whether the award stage can use it. */
@Component
class LearningEventIntake {

    private final BinaryMessageDecoder<LearningEvent> decoder = LearningEvent.getDecoder();
    private final LearnerIdentityResolver identity;

    public LearningEventIntake(LearnerIdentityResolver identity) {
        this.identity = identity;
    }

    Intake of(ConsumedRecord record) {
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
        Optional<String> learner = identity.resolve(event.getLearnerIds());
        if (learner.isEmpty()) {
            return new Intake.Unusable(
                    record, event, identity.whyUnresolved(event.getLearnerIds()), "unresolved-learner");
        }
        return new Intake.Usable(record, event, learner.get());
    }
}
