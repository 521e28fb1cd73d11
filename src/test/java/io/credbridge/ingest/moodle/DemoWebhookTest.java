package io.credbridge.ingest.moodle;

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

/** The Moodle sample of deploy/demo, with the site and token the README's demo command configures. */
class DemoWebhookTest {

    static final String SITE = "https://moodle.demo.credbridge.io";

    @Test
    void theDemoWebhookIsErinsCompletionOfCourseSevenWithTheTokenInTheBody() throws Exception {
        String body = Files.readString(Path.of("deploy/demo/moodle/erin-completes-course-7.json"));
        MoodleWebhookIngest ingest = new MoodleWebhookIngest(
                new MoodleSites(List.of(new MoodleIngestProperties.Site(SITE, "demo-moodle-token-0123456789"))),
                new MoodleEventNormalizer(),
                new CredBridgeMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());

        MoodleDelivery delivery = ingest.accept(body, null);

        LearningEvent event = delivery.events().get(0);
        assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(event.getObjectId()).isEqualTo(SITE + "/course/view.php?id=7");
        assertThat(event.getLearnerIds()).containsExactly(new LearnerIdentifier("account", "12", SITE));
    }
}
