package io.credbridge.ingest;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.identity.LearnerIdentityResolver;
import io.credbridge.kafka.CloudEventHeaders;
import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.kafka.OutgoingRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Maps normalized events to records on the learning-events topic: Avro single-object encoding, CloudEvents
 * headers, and the learner as key so that one learner's events stay in order on one partition.
 */
@Component("learningEventRecords")
public class LearningEventRecords {

    private final LearnerIdentityResolver identity;
    private final CloudEventsProperties cloudEvents;

    public LearningEventRecords(LearnerIdentityResolver identity, CloudEventsProperties cloudEvents) {
        this.identity = identity;
        this.cloudEvents = cloudEvents;
    }

    public List<OutgoingRecord> of(List<LearningEvent> events) {
        return events.stream().map(this::toRecord).toList();
    }

    /**
     * The learner as the award stage will resolve them when possible, so the key matches the awards' learner id;
     * otherwise the source's first identifier; for an event without one, its own id.
     */
    String keyOf(LearningEvent event) {
        List<LearnerIdentifier> ids = event.getLearnerIds();
        return identity.resolve(ids)
                .orElseGet(() -> ids.isEmpty()
                        ? event.getEventId()
                        : ids.get(0).getScheme() + ":" + ids.get(0).getValue());
    }

    private OutgoingRecord toRecord(LearningEvent event) {
        try {
            return new OutgoingRecord(
                    keyOf(event),
                    LearningEvent.getEncoder().encode(event).array(),
                    CloudEventHeaders.of(
                            event.getEventId(),
                            CloudEventHeaders.LEARNING_EVENT_TYPE,
                            cloudEvents.sourceOf("ingest/" + event.getSource()),
                            event.getReceivedAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
