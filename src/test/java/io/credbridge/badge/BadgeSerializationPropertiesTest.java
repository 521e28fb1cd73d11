package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.badge.BadgeSerializationProperties.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BadgeSerializationPropertiesTest {

    @Test
    void withNothingSetBadgesAreWrittenRegistryFree() {
        BadgeSerializationProperties properties = bind(Map.of());

        assertThat(properties.serialization()).isEqualTo(Serialization.SINGLE_OBJECT);
        assertThat(properties.registry().autoRegister()).isTrue();
    }

    @Test
    void registryModeReadsItsAddressAndTalksToTheCoreApiBelowIt() {
        BadgeSerializationProperties properties = bind(Map.of(
                "credbridge.badge.serialization", "registry",
                "credbridge.badge.registry.url", "https://registry.example.edu/",
                "credbridge.badge.registry.auto-register", "false"));

        assertThat(properties.serialization()).isEqualTo(Serialization.REGISTRY);
        assertThat(properties.registry().url()).isEqualTo("https://registry.example.edu");
        assertThat(properties.registry().coreApi()).isEqualTo("https://registry.example.edu/apis/registry/v3");
        assertThat(properties.registry().autoRegister()).isFalse();
    }

    @Test
    void registryModeWithoutAnAddressStopsStartupNamingThePropertyToSet() {
        assertThatThrownBy(() -> bind(Map.of("credbridge.badge.serialization", "registry")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining(
                        "credbridge.badge.registry.url is needed when credbridge.badge.serialization is" + " registry");
    }

    @Test
    void registryModeWithoutAnAddressStopsTheApplicationContext() {
        new ApplicationContextRunner()
                .withUserConfiguration(Bound.class)
                .withPropertyValues("credbridge.badge.serialization=registry")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("credbridge.badge.registry.url is needed"));
    }

    @EnableConfigurationProperties(BadgeSerializationProperties.class)
    static class Bound {}

    @Test
    void anAddressThatIsNotHttpIsRefusedWithWhatItWas() {
        assertThatThrownBy(() -> bind(Map.of(
                        "credbridge.badge.serialization", "registry",
                        "credbridge.badge.registry.url", "registry.example.edu:8080")))
                .rootCause()
                .hasMessageContaining("credbridge.badge.registry.url must be an http(s):// address")
                .hasMessageContaining("was 'registry.example.edu:8080'");
    }

    @Test
    void incompleteCredentialsAreRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> bind(Map.of(
                        "credbridge.badge.serialization", "registry",
                        "credbridge.badge.registry.url", "https://registry.example.edu",
                        "credbridge.badge.registry.username", "credbridge")))
                .rootCause()
                .hasMessageContaining(
                        "credbridge.badge.registry.username and credbridge.badge.registry.password go" + " together");
        assertThatThrownBy(() -> bind(Map.of(
                        "credbridge.badge.serialization", "registry",
                        "credbridge.badge.registry.url", "https://registry.example.edu",
                        "credbridge.badge.registry.token-endpoint", "https://sso.example.edu/token")))
                .rootCause()
                .hasMessageContaining("credbridge.badge.registry.token-endpoint needs credbridge.badge.registry"
                        + ".client-id and credbridge.badge.registry.client-secret");
    }

    @Test
    void theRegistrySecretsNeverShowInItsDescription() {
        BadgeSerializationProperties properties = bind(Map.of(
                "credbridge.badge.serialization", "registry",
                "credbridge.badge.registry.url", "https://registry.example.edu",
                "credbridge.badge.registry.username", "credbridge",
                "credbridge.badge.registry.password", "s3cret-password"));

        assertThat(properties.toString()).contains("credbridge").doesNotContain("s3cret-password");
    }

    private static BadgeSerializationProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("credbridge.badge", BadgeSerializationProperties.class);
    }
}
