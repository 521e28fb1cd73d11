package io.credbridge.ingest.caliper;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.ops.CredBridgeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Caliper sample of deploy/demo, as the README's curl posts it to the demo (require-token false). */
class DemoEnvelopeTest {

    @Test
    void theDemoEnvelopeIsDavesCompletionOfTheDemoCourse() throws Exception {
        String envelope = Files.readString(Path.of("deploy/demo/caliper/dave-completes-data-analysis-101.json"));
        CaliperSensorIngest ingest = CaliperSensorIngest.of(
                new CaliperIngestProperties(false, List.of()),
                new CredBridgeMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());

        CaliperDelivery delivery = ingest.accept(envelope, "application/json", null);

        assertThat(delivery.events()).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
            assertThat(event.getObjectId()).isEqualTo("https://lms.demo.credbridge.io/courses/data-analysis-101");
            assertThat(event.getLearnerIds())
                    .containsExactly(new LearnerIdentifier("account", "dave", "https://lms.demo.credbridge.io/users"));
        });
        assertThat(delivery.events())
                .extracting(LearningEvent::getEventId)
                .containsExactly("urn:uuid:7d0a4c55-2b1e-4f3a-9a61-0c5e8d2f4b01");
    }
}
