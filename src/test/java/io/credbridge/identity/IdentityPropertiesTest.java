package io.credbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IdentityPropertiesTest {

    @Test
    void aSisIdIsNotRequiredAndLookupsAreRememberedTenMinutesUnlessConfigured() {
        IdentityProperties properties = bind(Map.of("credbridge.identity.accepted-schemes", "account,mbox"));

        assertThat(properties.requireSisId()).isFalse();
        assertThat(properties.sisLookupCache())
                .isEqualTo(new IdentityProperties.SisLookupCache(10_000, Duration.ofMinutes(10)));
    }

    @Test
    void requireSisIdAndTheCacheAreBoundFromTheirKebabCaseNames() {
        IdentityProperties properties = bind(Map.of(
                "credbridge.identity.accepted-schemes", "account",
                "credbridge.identity.require-sis-id", "true",
                "credbridge.identity.sis-lookup-cache.max-entries", "50",
                "credbridge.identity.sis-lookup-cache.time-to-live", "30s"));

        assertThat(properties.requireSisId()).isTrue();
        assertThat(properties.sisLookupCache())
                .isEqualTo(new IdentityProperties.SisLookupCache(50, Duration.ofSeconds(30)));
    }

    @Test
    void aCacheThatHoldsNothingOrForgetsAtOnceAndASweepWithoutPauseAreRefusedSayingWhatToSet() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            IdentityProperties properties = new IdentityProperties(
                    List.of("account"), true, new IdentityProperties.SisLookupCache(0, Duration.ZERO), Duration.ZERO);

            assertThat(validator.validate(properties))
                    .extracting(violation -> violation.getPropertyPath().toString(), ConstraintViolation::getMessage)
                    .containsExactlyInAnyOrder(
                            tuple("sisLookupCache.maxEntries", "must be at least 1, e.g. 10000"),
                            tuple("sisLookupCache.timeToLive", "must be at least 1s, e.g. 10m"),
                            tuple("releaseSweepInterval", "must be at least 1s, e.g. 5m"));
        }
    }

    private static IdentityProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bind("credbridge.identity", IdentityProperties.class)
                .get();
    }
}
