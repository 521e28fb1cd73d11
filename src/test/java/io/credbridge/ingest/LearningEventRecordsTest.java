package io.credbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.identity.IdentityProperties;
import io.credbridge.identity.LearnerIdentityResolver;
import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.kafka.OutgoingRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningEventRecordsTest {

    static final Instant RECEIVED = Instant.parse("2026-11-22T12:00:00Z");

    private final LearningEventRecords records = new LearningEventRecords(
            new LearnerIdentityResolver(new IdentityProperties(List.of("account", "mbox"))),
            new CloudEventsProperties("https://credbridge.example.edu/"));

    @Test
    void keysByTheLearnerIdAwardsWillUseSoOneLearnersEventsShareAPartition() throws Exception {
        LearningEvent event = event("e1", id("mbox", "alice@example.edu"), id("account", "alice"));

        OutgoingRecord record = records.of(List.of(event)).get(0);

        assertThat(record.key()).isEqualTo("alice");
        assertThat(LearningEvent.getDecoder().decode(record.value())).isEqualTo(event);
        assertThat(record.headers())
                .containsEntry("ce_id", "e1")
                .containsEntry("ce_type", "io.credbridge.learning-event.v1")
                .containsEntry("ce_source", "https://credbridge.example.edu/ingest/xapi")
                .containsEntry("ce_time", "2026-11-22T12:00:00Z")
                .containsEntry("content-type", "application/avro");
    }

    @Test
    void keysAnUnresolvableLearnerByTheSourcesFirstIdentifier() {
        LearningEvent event = event("e2", id("mbox_sha1sum", "cd9b00a5611f94eaa7b1661edab976068e364975"));

        assertThat(records.of(List.of(event)).get(0).key())
                .isEqualTo("mbox_sha1sum:cd9b00a5611f94eaa7b1661edab976068e364975");
    }

    @Test
    void keysAnEventWithoutALearnerByItsOwnId() {
        assertThat(records.of(List.of(event("e3"))).get(0).key()).isEqualTo("e3");
    }

    private static LearningEvent event(String eventId, LearnerIdentifier... learners) {
        return LearningEvent.newBuilder()
                .setEventId(eventId)
                .setSource("xapi")
                .setOccurredAt(RECEIVED.minusSeconds(60))
                .setReceivedAt(RECEIVED)
                .setType(LearningEventType.COURSE_COMPLETED)
                .setLearnerIds(List.of(learners))
                .setObjectId("https://lms.example.edu/courses/101")
                .setCourseIds(List.of("https://lms.example.edu/courses/101"))
                .build();
    }

    private static LearnerIdentifier id(String scheme, String value) {
        return LearnerIdentifier.newBuilder().setScheme(scheme).setValue(value).build();
    }
}
