package io.credbridge.catalog;

import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    CredentialCatalog credentialCatalog(
            CatalogProperties properties, ResourcePatternResolver resources, Validator validator) {
        return new CredentialCatalogLoader(resources, validator, properties.terms()).load(properties.locations());
    }
}
