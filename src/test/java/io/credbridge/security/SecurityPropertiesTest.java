package io.credbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityPropertiesTest {

    static final String KEY = "k".repeat(SecurityProperties.MIN_KEY_LENGTH);

    @Test
    void authenticationOnWithNoWayToAuthenticateStopsStartupSayingWhatToConfigure() {
        assertThatThrownBy(() -> new SecurityProperties(true, null, "X-API-Key", List.of()))
                .hasMessageContaining("credbridge.security.jwt.issuer-uri")
                .hasMessageContaining("credbridge.security.api-keys[0].name, .key and .roles")
                .hasMessageContaining("credbridge.security.enabled=false");
    }

    @Test
    void oneApiKeyOrAnIdentityProviderIsEnough() {
        assertThat(new SecurityProperties(true, null, "X-API-Key", List.of(key("tool", KEY, "auditor"))).apiKeys())
                .hasSize(1);
        assertThat(new SecurityProperties(true, jwt(URI.create("https://idp.example.edu/realms/c")), "X-API-Key", null)
                        .jwt()
                        .configured())
                .isTrue();
        assertThat(SecurityProperties.off().enabled()).isFalse();
    }

    @Test
    void aKeyMustBeLongNamedAndGrantKnownRoles() {
        assertThatThrownBy(() -> key("tool", "short", "auditor"))
                .hasMessageContaining("api-keys[].key of 'tool' must be at least 24 characters");
        assertThatThrownBy(() -> key(" ", KEY, "auditor")).hasMessageContaining("api-keys[].name is required");
        assertThatThrownBy(() -> key("tool", KEY, "admin"))
                .hasMessageContaining("names 'admin', which is not a role; roles are registrar, integrator, auditor");
        assertThatThrownBy(() -> new SecurityProperties.ApiKey("tool", KEY, List.of()))
                .hasMessageContaining("must name at least one of registrar, integrator, auditor");
    }

    @Test
    void twoKeysMayShareNeitherNameNorSecret() {
        assertThatThrownBy(() -> new SecurityProperties(
                        true, null, "X-API-Key", List.of(key("a", KEY, "auditor"), key("a", KEY + "x", "auditor"))))
                .hasMessageContaining("api-keys[1].name 'a' is used by another key");
        assertThatThrownBy(() -> new SecurityProperties(
                        true, null, "X-API-Key", List.of(key("a", KEY, "auditor"), key("b", KEY, "auditor"))))
                .hasMessageContaining("api-keys[1].key is the key of another entry");
    }

    @Test
    void aKeyNeverShowsItsSecretWhenPrinted() {
        assertThat(key("tool", KEY, "auditor").toString()).doesNotContain(KEY).contains("tool");
    }

    @Test
    void theIdentityProviderAddressesMustBeHttpUrlsAndBlankMeansNone() {
        assertThatThrownBy(() -> jwt(URI.create("idp.example.edu")))
                .hasMessageContaining("credbridge.security.jwt.issuer-uri must be an absolute http(s) URL");
        assertThat(jwt(URI.create("")).configured()).isFalse();
    }

    private static SecurityProperties.ApiKey key(String name, String key, String... roles) {
        return new SecurityProperties.ApiKey(name, key, List.of(roles));
    }

    private static SecurityProperties.Jwt jwt(URI issuer) {
        return new SecurityProperties.Jwt(issuer, null, List.of(), "roles", "", "sub");
    }
}
