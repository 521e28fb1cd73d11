package io.credbridge.badge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signing side of badges: keys, contexts and did:web documents. Building these beans checks the keys and the
 * pinned contexts, so a bad key or a tampered context stops startup rather than the first issuance.
 */
@Configuration(proxyBeanMethods = false)
class BadgeSigningConfiguration {

    @Bean
    Issuers issuers(BadgeProperties properties) {
        return Issuers.load(properties, System::getenv);
    }

    @Bean
    JsonLdContexts jsonLdContexts(BadgeProperties properties) {
        return JsonLdContexts.shippedAnd(properties.publicUrl(), properties.contextsDirectory());
    }

    @Bean
    DidDocuments didDocuments(BadgeProperties properties, Issuers issuers) {
        return new DidDocuments(issuers, properties.publicUrl());
    }
}
