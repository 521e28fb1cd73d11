package io.credbridge.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The credentials test applications are configured with: an API key per role, one key with every role (what the
 * end-to-end tests call the admin API with), and one xAPI client. Tests that start the application register them
 * ({@link #register} or {@link #arguments}) and send {@link #ADMIN_AND_LRS} with their requests.
 */
public final class TestCredentials {

    public static final String API_KEY_HEADER = "X-API-Key";

    public static final String ADMIN_NAME = "test-admin";
    public static final String ADMIN_KEY = "test-admin-key-3f9c1e7a5b2d4c6e8f0a";
    public static final String REGISTRAR_NAME = "test-registrar";
    public static final String REGISTRAR_KEY = "test-registrar-key-8d2e4f6a0b1c3e5f7a9b";
    public static final String INTEGRATOR_NAME = "test-integrator";
    public static final String INTEGRATOR_KEY = "test-integrator-key-1a3c5e7b9d0f2e4a6c8b";
    public static final String AUDITOR_NAME = "test-auditor";
    public static final String AUDITOR_KEY = "test-auditor-key-6b8d0f2a4c6e8a1b3d5f";

    public static final String LRS_CLIENT = "test-lrs";
    public static final String LRS_PASSWORD = "test-lrs-password-7e5c3a1b";

    /** Header name-value pairs for {@code HttpRequest.Builder.headers}: the all-roles API key and the LRS client. */
    public static final String[] ADMIN_AND_LRS = {
        API_KEY_HEADER, ADMIN_KEY, "Authorization", basic(LRS_CLIENT, LRS_PASSWORD)
    };

    private static final Map<String, List<String>> KEYS = Map.of(
            ADMIN_NAME, List.of(ADMIN_KEY, "registrar,integrator,auditor"),
            REGISTRAR_NAME, List.of(REGISTRAR_KEY, "registrar"),
            INTEGRATOR_NAME, List.of(INTEGRATOR_KEY, "integrator"),
            AUDITOR_NAME, List.of(AUDITOR_KEY, "auditor"));

    private TestCredentials() {}

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The configuration, as properties ({@code name=value}). */
    public static List<String> properties() {
        List<String> properties = new ArrayList<>();
        int i = 0;
        for (String name : List.of(ADMIN_NAME, REGISTRAR_NAME, INTEGRATOR_NAME, AUDITOR_NAME)) {
            String prefix = "credbridge.security.api-keys[" + i++ + "].";
            properties.add(prefix + "name=" + name);
            properties.add(prefix + "key=" + KEYS.get(name).get(0));
            properties.add(prefix + "roles=" + KEYS.get(name).get(1));
        }
        properties.add("credbridge.ingest.xapi.clients[0].name=" + LRS_CLIENT);
        properties.add("credbridge.ingest.xapi.clients[0].password=" + LRS_PASSWORD);
        return properties;
    }

    /** The configuration as command-line arguments for {@code SpringApplicationBuilder.run}. */
    public static List<String> arguments() {
        return properties().stream().map(property -> "--" + property).toList();
    }

    /** These command-line arguments after the credentials' ones, for {@code SpringApplicationBuilder.run}. */
    public static String[] with(String... arguments) {
        List<String> all = new ArrayList<>(arguments());
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }

    public static void register(DynamicPropertyRegistry registry) {
        for (String property : properties()) {
            int equals = property.indexOf('=');
            String value = property.substring(equals + 1);
            registry.add(property.substring(0, equals), () -> value);
        }
    }
}
