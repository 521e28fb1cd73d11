package io.credbridge.badge;

import io.credbridge.kafka.CloudEventsProperties;
import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class BadgeConfiguration {

    @Bean
    BadgeIssuances badgeIssuances(
            SecuredCredentials credentials,
            CloudEventsProperties cloudEvents,
            BadgeIssuanceProperties issuance,
            CredBridgeMetrics metrics,
            Clock clock,
            BadgeIssuanceEncoding badgeIssuanceEncoding) {
        return new BadgeIssuances(credentials, cloudEvents, issuance, metrics, clock, badgeIssuanceEncoding);
    }

    /** The serialization mode of credbridge.badge.serialization; the registry serde is closed with the context. */
    @Bean
    BadgeIssuanceEncoding badgeIssuanceEncoding(
            BadgeSerializationProperties serialization,
            @Value("${credbridge.topics.badge-issuance}") String badgeIssuanceTopic) {
        return switch (serialization.serialization()) {
            case SINGLE_OBJECT -> BadgeIssuanceEncoding.singleObject();
            case REGISTRY -> RegistryEncoding.of(serialization.registry(), badgeIssuanceTopic);
        };
    }

    @Bean
    SecuredCredentials securedCredentials(
            BadgeProperties properties, Issuers issuers, JsonLdContexts contexts, StatusLists statusLists) {
        return new SecuredCredentials(
                new OpenBadgeCredentials(properties, issuers, contexts),
                issuers,
                new DataIntegrityProofs(new CanonicalRdf(contexts)),
                new VcJoseCredentials(),
                properties.forms(),
                statusLists);
    }

    @Bean
    StatusLists statusLists(
            NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            BadgeProperties properties,
            Issuers issuers) {
        return new StatusLists(jdbc, transactionManager, issuers, properties.publicUrl(), Bitstring.MINIMUM_LENGTH);
    }

    @Bean
    StatusListCredentials statusListCredentials(StatusLists lists, Issuers issuers, JsonLdContexts contexts) {
        return new StatusListCredentials(
                lists, issuers, new DataIntegrityProofs(new CanonicalRdf(contexts)), new VcJoseCredentials());
    }
}
