package io.credbridge.ingest.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.ingest.caliper.CaliperIngestProperties;
import io.credbridge.ingest.caliper.CaliperSensorIngest;
import io.credbridge.ops.CredBridgeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Canvas sample of deploy/demo: Canvas signs every Live Event, so the demo posts it unsigned to an app started
 * with require-signature false, as the README's demo command does.
 */
class DemoLiveEventTest {

    @Test
    void theDemoLiveEventPostedUnsignedIsHeidisCompletionOfCourse565() throws Exception {
        String body = Files.readString(Path.of("deploy/demo/canvas/heidi-completes-course-565.json"));
        CredBridgeMetrics metrics = new CredBridgeMetrics(new SimpleMeterRegistry());
        CanvasLiveEventIngest ingest = new CanvasLiveEventIngest(
                new CanvasSignature(
                        CanvasIngestProperties.signed(URI.create(CanvasIngestProperties.DEFAULT_JWKS_URL), "", "")),
                new CanvasEventNormalizer(""),
                CaliperSensorIngest.of(new CaliperIngestProperties(true, List.of()), metrics, Clock.systemUTC()),
                false,
                metrics,
                Clock.systemUTC());

        LearningEvent event = ingest.accept(body).event().orElseThrow();

        assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(event.getObjectId()).isEqualTo("https://canvas.demo.credbridge.io/courses/565");
        assertThat(event.getCourseIds()).contains("sis-course:DATA-101");
        assertThat(event.getLearnerIds())
                .contains(new LearnerIdentifier("account", "48", "https://canvas.demo.credbridge.io"));
    }
}
