package io.credbridge.badge;

import io.credbridge.ops.HttpAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How BadgeIssuance values are written on Kafka.
 *
 * @param serialization {@code single-object} (Avro single-object encoding, registry-free: the schema fingerprint
 *     travels in the value) or {@code registry} (the Apicurio Registry serde: the schema is registered and its id
 *     travels in the value, in the Confluent-compatible wire format)
 * @param registry where the schema registry is and how to sign in to it; used in {@code registry} mode only
 */
@ConfigurationProperties("credbridge.badge")
record BadgeSerializationProperties(
        @DefaultValue("single-object") Serialization serialization,
        @DefaultValue Registry registry) {

    static final String PREFIX = "credbridge.badge";

    enum Serialization {
        SINGLE_OBJECT,
        REGISTRY
    }

    BadgeSerializationProperties {
        List<String> problems = registry.problems(serialization == Serialization.REGISTRY);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * @param url the Apicurio Registry's base address, e.g. {@code https://registry.example.edu}; CredBridge talks
     *     to its core API ({@code /apis/registry/v3}), and Confluent consumers to its {@code /apis/ccompat/v7}
     * @param autoRegister whether the first send registers the BadgeIssuance schema (under the artifact {@code
     *     <topic>-value} of the default group, the Confluent subject name); off where schemas are registered by a
     *     pipeline, and then a send fails (and is retried) until the schema is there
     * @param username HTTP basic authentication, with {@code password}
     * @param password HTTP basic authentication, with {@code username}
     * @param tokenEndpoint OAuth2 client credentials (e.g. Keycloak's {@code .../protocol/openid-connect/token}),
     *     with {@code client-id} and {@code client-secret}
     * @param clientId OAuth2 client id
     * @param clientSecret OAuth2 client secret
     */
    record Registry(
            @DefaultValue("") String url,
            @DefaultValue("true") boolean autoRegister,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("") String tokenEndpoint,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret) {

        static final String REGISTRY = PREFIX + ".registry";

        Registry {
            url = HttpAddress.withoutTrailingSlash(blankIfNull(url));
            username = blankIfNull(username);
            password = blankIfNull(password);
            tokenEndpoint = blankIfNull(tokenEndpoint);
            clientId = blankIfNull(clientId);
            clientSecret = blankIfNull(clientSecret);
        }

        /** The registry's core API, which the Apicurio serde talks to. */
        String coreApi() {
            return url + "/apis/registry/v3";
        }

        List<String> problems(boolean used) {
            List<String> problems = new ArrayList<>();
            if (used && url.isEmpty()) {
                problems.add(REGISTRY + ".url is needed when " + PREFIX + ".serialization is registry: the Apicurio"
                        + " Registry's base address, e.g. https://registry.example.edu (or set " + PREFIX
                        + ".serialization to single-object)");
            }
            if (!url.isEmpty() && !HttpAddress.isAbsoluteHttp(url)) {
                problems.add(REGISTRY + ".url must be an http(s):// address, e.g. https://registry.example.edu; was '"
                        + url + "'");
            }
            if (username.isEmpty() != password.isEmpty()) {
                problems.add(REGISTRY + ".username and " + REGISTRY + ".password go together (HTTP basic"
                        + " authentication): set both or neither");
            }
            if (!tokenEndpoint.isEmpty() && (clientId.isEmpty() || clientSecret.isEmpty())) {
                problems.add(REGISTRY + ".token-endpoint needs " + REGISTRY + ".client-id and " + REGISTRY
                        + ".client-secret (OAuth2 client credentials)");
            }
            if (!tokenEndpoint.isEmpty() && !HttpAddress.isAbsoluteHttp(tokenEndpoint)) {
                problems.add(REGISTRY + ".token-endpoint must be an http(s):// address; was '" + tokenEndpoint + "'");
            }
            if (!tokenEndpoint.isEmpty() && !username.isEmpty()) {
                problems.add("set either " + REGISTRY + ".username/password or " + REGISTRY
                        + ".token-endpoint/client-id/client-secret, not both");
            }
            return problems;
        }

        /** For logs: never the secrets. */
        @Override
        public String toString() {
            return "Registry[url=" + url + ", autoRegister=" + autoRegister + ", username=" + username
                    + ", tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + "]";
        }

        private static String blankIfNull(String value) {
            return value == null ? "" : value.strip();
        }
    }
}
