package io.credbridge.ingest.xapi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LRS clients allowed to post statements ({@code credbridge.ingest.xapi.clients}, {@code .realm}): each
 * authenticates with HTTP Basic, as every LRS requires of its clients.
 *
 * @param clients the clients, each with a name and either a password or a password hash
 * @param realm the realm the {@code WWW-Authenticate: Basic} challenge names
 */
@ConfigurationProperties("credbridge.ingest.xapi")
record XapiClientProperties(
        @DefaultValue List<Client> clients,
        @DefaultValue("CredBridge xAPI") String realm) {

    static final String PREFIX = "credbridge.ingest.xapi.";

    XapiClientProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
        realm = realm == null || realm.isBlank() ? "CredBridge xAPI" : realm.strip();
        if (realm.contains("\"")) {
            throw new IllegalArgumentException(PREFIX + "realm must not contain a double quote, was " + realm);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            if (client == null || !names.add(client.name())) {
                throw new IllegalArgumentException(PREFIX + "clients[" + i + "] needs a name of its own (a client"
                        + " named " + (client == null ? "nothing" : "'" + client.name() + "'") + " is listed twice"
                        + " or the entry is empty)");
            }
        }
    }

    /**
     * An LRS client: the username and password it sends with HTTP Basic. Set the secret from the environment or a
     * secret store (e.g. {@code password: ${MOODLE_LRS_PASSWORD}}); it is never logged.
     *
     * @param name the username (no colon: HTTP Basic ends the username at the first one)
     * @param password the password, at least 12 characters; or leave it out and give a hash
     * @param passwordHash the password's hash, {@code {bcrypt}...} or {@code {pbkdf2@SpringSecurity_v5_8}...} as
     *     Spring Security's password encoders write them (e.g. {@code htpasswd -bnBC 10 "" secret}, prefixed with
     *     {@code {bcrypt}})
     */
    record Client(String name, String password, String passwordHash) {

        static final int MIN_PASSWORD_LENGTH = 12;

        Client {
            if (name == null || name.isBlank() || name.contains(":")) {
                throw new IllegalArgumentException(
                        PREFIX + "clients[].name is required and must not contain a colon, was '" + name + "'");
            }
            name = name.strip();
            password = password == null || password.isEmpty() ? null : password;
            passwordHash = passwordHash == null || passwordHash.isBlank() ? null : passwordHash.strip();
            if ((password == null) == (passwordHash == null)) {
                throw new IllegalArgumentException(
                        PREFIX + "clients[] '" + name + "' needs exactly one of password and password-hash");
            }
            if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
                throw new IllegalArgumentException(PREFIX + "clients[].password of '" + name + "' must be at least "
                        + MIN_PASSWORD_LENGTH + " characters");
            }
            if (passwordHash != null && !passwordHash.matches("\\{(bcrypt|pbkdf2@SpringSecurity_v5_8)}.+")) {
                throw new IllegalArgumentException(PREFIX + "clients[].password-hash of '" + name
                        + "' must start with {bcrypt} or {pbkdf2@SpringSecurity_v5_8}, e.g. {bcrypt}$2y$10$...");
            }
        }

        @Override
        public String toString() {
            return "Client[name=" + name + "]";
        }
    }
}
