package io.credbridge.ingest.xapi;

import io.credbridge.ingest.RejectedInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * HTTP Basic per LRS client on the xAPI endpoint, checked the way the Canvas endpoint checks its signature: in the
 * route, before anything of the body is read, answered as a 401 problem that names the Basic scheme and the realm.
 * Passwords are compared as SHA-256 digests in constant time; a password hash is checked once per client and its
 * result remembered as such a digest, so a busy LRS does not pay a bcrypt per batch.
 */
public class XapiClients {

    private static final String BASIC = "Basic ";

    private final boolean required;
    private final String challenge;
    private final Map<String, XapiClientProperties.Client> clients;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final PasswordEncoder hashes = new DelegatingPasswordEncoder(
            "bcrypt",
            Map.of(
                    "bcrypt",
                    new BCryptPasswordEncoder(),
                    "pbkdf2@SpringSecurity_v5_8",
                    Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));

    /** @param required false only when authentication is turned off for a demo */
    XapiClients(XapiClientProperties properties, boolean required) {
        this.required = required;
        this.challenge = "Basic realm=\"" + properties.realm() + "\", charset=\"UTF-8\"";
        this.clients = properties.clients().stream()
                .collect(Collectors.toUnmodifiableMap(XapiClientProperties.Client::name, Function.identity()));
        properties.clients().stream()
                .filter(client -> client.password() != null)
                .forEach(client -> verified.put(client.name(), digest(client.password())));
    }

    boolean configured() {
        return !clients.isEmpty();
    }

    /**
     * @param authorization the request's Authorization header
     * @throws RejectedInputException 401 with a Basic challenge when the header is missing, malformed or not the
     *     credentials of a configured client
     */
    public void authenticate(String authorization) {
        if (!required) {
            return;
        }
        if (authorization == null || authorization.isBlank()) {
            throw unauthenticated("the request carries no credentials: an LRS client authenticates with HTTP Basic"
                    + " (the username and password configured for it in credbridge.ingest.xapi.clients)");
        }
        if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw unauthenticated("the Authorization header is not HTTP Basic; this endpoint takes the username and"
                    + " password of an LRS client");
        }
        String credentials = decoded(authorization.substring(BASIC.length()).strip());
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            throw unauthenticated("the Basic credentials hold no colon between username and password");
        }
        if (!matches(credentials.substring(0, colon), credentials.substring(colon + 1))) {
            throw unauthenticated("the username and password are not those of a configured LRS client");
        }
    }

    private boolean matches(String name, String password) {
        byte[] presented = digest(password);
        byte[] known = verified.get(name);
        if (known != null) {
            return MessageDigest.isEqual(known, presented);
        }
        XapiClientProperties.Client client = clients.get(name);
        if (client == null || client.passwordHash() == null || !hashes.matches(password, client.passwordHash())) {
            return false;
        }
        verified.put(name, presented);
        return true;
    }

    private String decoded(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthenticated("the Basic credentials are not base64: " + e.getMessage());
        }
    }

    private RejectedInputException unauthenticated(String detail) {
        return new RejectedInputException(
                401,
                "The xAPI client is not authenticated",
                detail,
                List.of(new RejectedInputException.Violation("", detail)),
                challenge);
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
