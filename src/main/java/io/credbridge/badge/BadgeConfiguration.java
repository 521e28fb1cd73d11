package io.credbridge.badge;

import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BadgeConfiguration {

    @Bean
    BadgeIssuances badgeIssuances(
            SecuredCredentials credentials, CloudEventsProperties cloudEvents, CredBridgeMetrics metrics, Clock clock) {
        return new BadgeIssuances(credentials, cloudEvents, metrics, clock);
    }
}
