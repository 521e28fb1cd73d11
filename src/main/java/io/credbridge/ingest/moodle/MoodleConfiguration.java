package io.credbridge.ingest.moodle;

import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MoodleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MoodleConfiguration.class);

    @Bean
    MoodleWebhookIngest moodleWebhookIngest(MoodleIngestProperties properties, CredBridgeMetrics metrics, Clock clock) {
        if (properties.sites().isEmpty()) {
            log.info("Moodle: no site is configured (credbridge.ingest.moodle.sites), so /lms/moodle/events answers"
                    + " every event 401");
        }
        return new MoodleWebhookIngest(
                new MoodleSites(properties.sites()), new MoodleEventNormalizer(), metrics, clock);
    }
}
