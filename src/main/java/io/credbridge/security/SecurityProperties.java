package io.credbridge.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers of the admin and learner APIs authenticate ({@code credbridge.security.*}). Checked at startup: with
 * authentication on, at least one way in must be configured.
 *
 * @param enabled false turns every check of the APIs and of the xAPI endpoint off; for a local demo only (the app
 *     says so loudly at startup)
 * @param jwt tokens of the campus identity provider (OAuth 2.0 / OIDC)
 * @param apiKeyHeader the request header an API key travels in
 * @param apiKeys the keys callers without the identity provider use, each with a name (the actor it stands for)
 */
@ConfigurationProperties("credbridge.security")
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Jwt jwt,
        @DefaultValue("X-API-Key") String apiKeyHeader,
        @DefaultValue List<ApiKey> apiKeys) {

    static final String PREFIX = "credbridge.security.";
    static final int MIN_KEY_LENGTH = 24;

    public SecurityProperties {
        jwt = jwt == null ? Jwt.none() : jwt;
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        if (apiKeyHeader == null || !apiKeyHeader.strip().matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException(
                    PREFIX + "api-key-header must be a header name, e.g. X-API-Key, was " + apiKeyHeader);
        }
        apiKeyHeader = apiKeyHeader.strip();
        checkKeys(apiKeys);
        if (enabled && !jwt.configured() && apiKeys.isEmpty()) {
            throw new IllegalArgumentException("Authentication is on (" + PREFIX + "enabled) but no caller can"
                    + " authenticate: set " + PREFIX + "jwt.issuer-uri (or " + PREFIX + "jwt.jwk-set-uri) to accept"
                    + " your identity provider's tokens, and/or " + PREFIX + "api-keys[0].name, .key and .roles"
                    + " for API keys; for a local demo only, " + PREFIX + "enabled=false turns authentication off");
        }
    }

    /** Authentication off: the zero-setup demo. */
    public static SecurityProperties off() {
        return new SecurityProperties(false, Jwt.none(), "X-API-Key", List.of());
    }

    private static void checkKeys(List<ApiKey> keys) {
        Set<String> names = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            ApiKey key = keys.get(i);
            String at = PREFIX + "api-keys[" + i + "]";
            if (key == null) {
                throw new IllegalArgumentException(at + " is empty: give it a name, a key and roles");
            }
            if (!names.add(key.name())) {
                throw new IllegalArgumentException(at + ".name '" + key.name() + "' is used by another key;"
                        + " each key needs its own name, which the audit trail records as the actor");
            }
            if (!secrets.add(key.key())) {
                throw new IllegalArgumentException(at + ".key is the key of another entry; give each caller its own");
            }
        }
    }

    /**
     * An API key. Set the key from the environment or a secret store (e.g. {@code key: ${REGISTRAR_TOOL_KEY}}); it is
     * never logged.
     *
     * @param name who uses the key: the actor the audit trail records for what it does
     * @param key the secret, at least 24 characters (e.g. {@code openssl rand -base64 32})
     * @param roles registrar, integrator and/or auditor
     */
    public record ApiKey(String name, String key, List<String> roles) {

        public ApiKey {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(
                        PREFIX + "api-keys[].name is required: who uses the key (the actor in the audit trail)");
            }
            name = name.strip();
            if (key == null || key.strip().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException(PREFIX + "api-keys[].key of '" + name + "' must be at least "
                        + MIN_KEY_LENGTH + " characters, e.g. from openssl rand -base64 32");
            }
            key = key.strip();
            roles = roles == null ? List.of() : List.copyOf(roles);
            if (roles.isEmpty()) {
                throw new IllegalArgumentException(
                        PREFIX + "api-keys[].roles of '" + name + "' must name at least one of " + Role.codes());
            }
            for (String role : roles) {
                if (Role.of(role).isEmpty()) {
                    throw new IllegalArgumentException(PREFIX + "api-keys[].roles of '" + name + "' names '" + role
                            + "', which is not a role; roles are " + Role.codes());
                }
            }
        }

        Set<Role> granted() {
            Set<Role> granted = EnumSet.noneOf(Role.class);
            roles.forEach(role -> granted.add(Role.of(role).orElseThrow()));
            return granted;
        }

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", roles=" + roles + "]";
        }
    }

    /**
     * JWTs from the campus identity provider (OAuth 2.0 resource server).
     *
     * @param issuerUri the provider's issuer; its signing keys are found through OpenID Connect discovery at the first
     *     token, and every token's {@code iss} must equal it
     * @param jwkSetUri where the provider publishes its signing keys, when discovery is not available; with an issuer
     *     too, the {@code iss} is still checked
     * @param audiences when not empty, a token's {@code aud} must name one of them
     * @param rolesClaim the claim holding the caller's roles or groups, a list or a space-separated string; a dotted
     *     path reaches into objects (Keycloak: {@code realm_access.roles})
     * @param rolePrefix what the identity provider puts before each role name (e.g. {@code credbridge-} for groups
     *     named {@code credbridge-registrar}); values without it are ignored
     * @param nameClaim the claim that names the caller in the audit trail, e.g. {@code preferred_username} or
     *     {@code email}; {@code sub} by default
     */
    public record Jwt(
            URI issuerUri,
            URI jwkSetUri,
            @DefaultValue List<String> audiences,
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("") String rolePrefix,
            @DefaultValue("sub") String nameClaim) {

        public Jwt {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
            rolesClaim = blankTo(rolesClaim, "roles");
            rolePrefix = rolePrefix == null ? "" : rolePrefix.strip();
            nameClaim = blankTo(nameClaim, "sub");
            issuerUri = blankToNull(issuerUri);
            jwkSetUri = blankToNull(jwkSetUri);
            absolute(issuerUri, "issuer-uri", "https://login.example.edu/realms/campus");
            absolute(jwkSetUri, "jwk-set-uri", "https://login.example.edu/realms/campus/protocol/openid-connect/certs");
        }

        static Jwt none() {
            return new Jwt(null, null, List.of(), "roles", "", "sub");
        }

        public boolean configured() {
            return issuerUri != null || jwkSetUri != null;
        }

        List<String> rolesClaimPath() {
            return new ArrayList<>(List.of(rolesClaim.split("\\.")));
        }

        private static String blankTo(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        private static URI blankToNull(URI uri) {
            return uri == null || uri.toString().isBlank() ? null : uri;
        }

        private static void absolute(URI uri, String name, String example) {
            if (uri != null
                    && (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())))) {
                throw new IllegalArgumentException(
                        PREFIX + "jwt." + name + " must be an absolute http(s) URL, e.g. " + example + ", was " + uri);
            }
        }
    }
}
