package io.credbridge.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.ingest.RejectedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class XapiClientsTest {

    static final String PASSWORD = "moodle-lrs-password";
    static final String HASHED = "ll-forwarder-password";

    private final XapiClients clients = new XapiClients(
            new XapiClientProperties(
                    List.of(
                            new XapiClientProperties.Client("moodle", PASSWORD, null),
                            new XapiClientProperties.Client(
                                    "learning-locker", null, "{bcrypt}" + new BCryptPasswordEncoder(4).encode(HASHED))),
                    "Campus LRS"),
            true);

    @Test
    void aClientWithItsPasswordOrOneMatchingItsHashIsLetThrough() {
        assertThatCode(() -> clients.authenticate(basic("moodle", PASSWORD))).doesNotThrowAnyException();
        assertThatCode(() -> clients.authenticate(basic("learning-locker", HASHED)))
                .doesNotThrowAnyException();
        assertThatCode(() -> clients.authenticate("basic " + encoded("learning-locker:" + HASHED)))
                .as("the scheme name is case-insensitive, and the hash checked once is remembered")
                .doesNotThrowAnyException();
    }

    @Test
    void aPasswordMayHoldColonsAfterTheFirst() {
        XapiClients withColon = new XapiClients(
                new XapiClientProperties(
                        List.of(new XapiClientProperties.Client("lrs", "pass:word:123456", null)), null),
                true);

        assertThatCode(() -> withColon.authenticate(basic("lrs", "pass:word:123456")))
                .doesNotThrowAnyException();
    }

    @Test
    void missingWrongOrMalformedCredentialsAre401WithABasicChallengeNamingTheRealm() {
        assertRefused(null, "carries no credentials");
        assertRefused(" ", "carries no credentials");
        assertRefused("Bearer abc", "is not HTTP Basic");
        assertRefused("Basic ***", "not base64");
        assertRefused("Basic " + encoded("moodle"), "no colon");
        assertRefused(basic("moodle", "wrong-password"), "not those of a configured LRS client");
        assertRefused(basic("moodle", PASSWORD + " "), "not those of a configured LRS client");
        assertRefused(basic("nobody", PASSWORD), "not those of a configured LRS client");
        assertRefused(basic("learning-locker", PASSWORD), "not those of a configured LRS client");
    }

    @Test
    void withAuthenticationOffAnyRequestIsLetThrough() {
        XapiClients off = new XapiClients(new XapiClientProperties(List.of(), null), false);

        assertThatCode(() -> off.authenticate(null)).doesNotThrowAnyException();
    }

    @Test
    void withNoClientConfiguredEveryRequestIsRefused() {
        XapiClients none = new XapiClients(new XapiClientProperties(List.of(), null), true);

        assertThatThrownBy(() -> none.authenticate(basic("moodle", PASSWORD)))
                .isInstanceOf(RejectedInputException.class);
    }

    @Test
    void aClientHasExactlyOneOfPasswordAndHashAndNeitherIsShort() {
        assertThatThrownBy(() -> new XapiClientProperties.Client("a", PASSWORD, "{bcrypt}x"))
                .hasMessageContaining("needs exactly one of password and password-hash");
        assertThatThrownBy(() -> new XapiClientProperties.Client("a", null, null))
                .hasMessageContaining("needs exactly one of password and password-hash");
        assertThatThrownBy(() -> new XapiClientProperties.Client("a", "short", null))
                .hasMessageContaining("must be at least 12 characters");
        assertThatThrownBy(() -> new XapiClientProperties.Client("a", null, "$2a$10$abc"))
                .hasMessageContaining("must start with {bcrypt} or {pbkdf2@SpringSecurity_v5_8}");
        assertThatThrownBy(() -> new XapiClientProperties.Client("a:b", PASSWORD, null))
                .hasMessageContaining("must not contain a colon");
        assertThat(new XapiClientProperties.Client("a", PASSWORD, null).toString())
                .doesNotContain(PASSWORD);
    }

    @Test
    void twoClientsMayNotShareAName() {
        assertThatThrownBy(() -> new XapiClientProperties(
                        List.of(
                                new XapiClientProperties.Client("a", PASSWORD, null),
                                new XapiClientProperties.Client("a", PASSWORD + "x", null)),
                        null))
                .hasMessageContaining("clients[1] needs a name of its own");
    }

    private void assertRefused(String authorization, String detail) {
        assertThatThrownBy(() -> clients.authenticate(authorization))
                .as(String.valueOf(authorization))
                .isInstanceOfSatisfying(RejectedInputException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(401);
                    assertThat(refused.challenge()).isEqualTo("Basic realm=\"Campus LRS\", charset=\"UTF-8\"");
                    assertThat(refused.detail()).contains(detail).doesNotContain(PASSWORD);
                });
    }

    private static String basic(String user, String password) {
        return "Basic " + encoded(user + ":" + password);
    }

    private static String encoded(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
