package io.credbridge.ingest.caliper;

import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaliperConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaliperConfiguration.class);

    @Bean
    CaliperSensorIngest caliperSensorIngest(
            CaliperIngestProperties properties, CredBridgeMetrics metrics, Clock clock) {
        if (!properties.requireToken()) {
            log.warn("Caliper: envelopes are accepted without a token (credbridge.ingest.caliper.require-token is"
                    + " false); anyone who can reach /lms/caliper can post grades and completions");
        } else if (properties.sensors().isEmpty()) {
            log.info("Caliper: no sensor is configured (credbridge.ingest.caliper.sensors), so /lms/caliper answers"
                    + " every envelope 401");
        }
        return CaliperSensorIngest.of(properties, metrics, clock);
    }
}
