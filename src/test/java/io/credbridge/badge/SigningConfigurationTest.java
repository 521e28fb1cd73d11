package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Keys and issuers from configuration: what starts, and what stops startup with a message that says what to fix. */
class SigningConfigurationTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class, BadgeSigningConfiguration.class)
            .withPropertyValues(
                    "credbridge.badge.achievement-id-prefix=https://credentials.example.edu/achievements/",
                    "credbridge.badge.public-url=https://credentials.example.edu",
                    "credbridge.badge.issuers[0].id=https://credentials.example.edu/issuers/ce",
                    "credbridge.badge.issuers[0].slug=ce",
                    "credbridge.badge.issuers[0].name=Continuing Education");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BadgeProperties.class)
    static class Properties {}

    @Test
    void anIssuerKeyFromAJwkFileSignsUnderItsDidWebVerificationMethod() throws Exception {
        OctetKeyPair jwk = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        Files.writeString(dir.resolve("ce.jwk"), jwk.toJSONString());

        context.withPropertyValues(
                        "credbridge.badge.issuers[0].key.id=key-2026-11",
                        "credbridge.badge.issuers[0].key.jwk-file=" + dir.resolve("ce.jwk"))
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    Issuer issuer = started.getBean(Issuers.class).all().get(0);
                    assertThat(issuer.verificationMethod())
                            .isEqualTo("did:web:credentials.example.edu:issuers:ce#key-2026-11");
                    assertThat(issuer.signingKey().verificationKey().publicKey())
                            .isEqualTo(jwk.getDecodedX());
                    assertThat(started.getBean(BadgeProperties.class).forms())
                            .containsExactlyInAnyOrder(
                                    BadgeProperties.SecuredForm.DATA_INTEGRITY, BadgeProperties.SecuredForm.JOSE);
                });
    }

    @Test
    void anIssuerKeyFromAPkcs8FileIsTheKeyOpensslWrote() throws Exception {
        java.security.KeyPair pair =
                java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(dir.resolve("ce.pem"), pem);

        context.withPropertyValues(
                        "credbridge.badge.issuers[0].key.id=key-1",
                        "credbridge.badge.issuers[0].key.pkcs8-file=" + dir.resolve("ce.pem"))
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    byte[] x509 = pair.getPublic().getEncoded();
                    assertThat(started.getBean(Issuers.class)
                                    .all()
                                    .get(0)
                                    .signingKey()
                                    .verificationKey()
                                    .publicKey())
                            .isEqualTo(java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length));
                });
    }

    @Test
    void aMissingKeyFileStopsStartupNamingThePropertyAndThePath() {
        context.withPropertyValues(
                        "credbridge.badge.issuers[0].key.id=key-1",
                        "credbridge.badge.issuers[0].key.jwk-file=" + dir.resolve("missing.jwk"))
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("credbridge.badge.issuers[0].key.jwk-file")
                        .hasMessageContaining("missing.jwk")
                        .hasMessageContaining("does not exist"));
    }

    @Test
    void aKeyThatIsNotEd25519StopsStartupSayingWhatKeyIsNeeded() throws Exception {
        Files.writeString(
                dir.resolve("rsa.jwk"),
                new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate().toJSONString());

        context.withPropertyValues(
                        "credbridge.badge.issuers[0].key.id=key-1",
                        "credbridge.badge.issuers[0].key.jwk-file=" + dir.resolve("rsa.jwk"))
                .run(started -> assertThat(started)
                        .getFailure()
                        .hasStackTraceContaining("credbridge.badge.issuers[0].key is not a usable Ed25519 private key")
                        .hasStackTraceContaining("kty OKP and crv Ed25519"));
    }

    @Test
    void aPublicOnlyJwkCannotSign() throws Exception {
        Files.writeString(
                dir.resolve("public.jwk"),
                new OctetKeyPairGenerator(Curve.Ed25519)
                        .generate()
                        .toPublicJWK()
                        .toJSONString());

        context.withPropertyValues(
                        "credbridge.badge.issuers[0].key.id=key-1",
                        "credbridge.badge.issuers[0].key.jwk-file=" + dir.resolve("public.jwk"))
                .run(started ->
                        assertThat(started).getFailure().rootCause().hasMessageContaining("no private part (d)"));
    }

    @Test
    void anUnsetKeyEnvironmentVariableStopsStartupNamingTheVariable() {
        context.withPropertyValues(
                        "credbridge.badge.issuers[0].key.id=key-1",
                        "credbridge.badge.issuers[0].key.env=CREDBRIDGE_TEST_KEY_THAT_IS_NOT_SET")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("CREDBRIDGE_TEST_KEY_THAT_IS_NOT_SET")
                        .hasMessageContaining("is not set"));
    }

    @Test
    void anIssuerWithoutAKeyStopsStartupWhenDevelopmentKeysAreOff() {
        context.run(started -> assertThat(started)
                .getFailure()
                .rootCause()
                .hasMessageContaining("credbridge.badge.issuers[0].key is missing")
                .hasMessageContaining("jwk-file"));
    }

    @Test
    void aKeyWithTwoSourcesIsRefusedAsAmbiguous() throws Exception {
        context.withPropertyValues(
                        "credbridge.badge.issuers[0].key.id=key-1",
                        "credbridge.badge.issuers[0].key.jwk-file=" + dir.resolve("a.jwk"),
                        "credbridge.badge.issuers[0].key.env=SOME_VARIABLE")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("exactly one of jwk-file, pkcs8-file or env"));
    }

    @Test
    void aPublicUrlWithAPathIsRefusedWithAnExample() {
        context.withPropertyValues("credbridge.badge.public-url=https://credentials.example.edu/badges")
                .run(started -> assertThat(started)
                        .getFailure()
                        .hasStackTraceContaining("public-url")
                        .hasStackTraceContaining("such as https://credentials.example.edu"));
    }

    @Test
    void theEmbeddedDefaultGeneratesADevelopmentKeyOnceAndKeepsIt() {
        ApplicationContextRunner development = context.withPropertyValues(
                "credbridge.badge.development-keys.enabled=true",
                "credbridge.badge.development-keys.directory=" + dir.resolve("keys"));
        byte[][] first = new byte[1][];

        development.run(started -> {
            assertThat(started).hasNotFailed();
            first[0] = started.getBean(Issuers.class)
                    .all()
                    .get(0)
                    .signingKey()
                    .verificationKey()
                    .publicKey();
        });
        development.run(restarted -> assertThat(restarted
                        .getBean(Issuers.class)
                        .all()
                        .get(0)
                        .signingKey()
                        .verificationKey()
                        .publicKey())
                .isEqualTo(first[0]));

        assertThat(dir.resolve("keys").resolve("ce.jwk")).exists();
    }

    @Test
    void aRotatedIssuerSignsWithTheNewKeyAndStillPublishesThePreviousOne() throws Exception {
        OctetKeyPair old = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        OctetKeyPair current = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        Files.writeString(dir.resolve("current.jwk"), current.toJSONString());
        Files.writeString(dir.resolve("old-public.jwk"), old.toPublicJWK().toJSONString());

        context.withPropertyValues(
                        "credbridge.badge.issuers[0].key.id=key-2",
                        "credbridge.badge.issuers[0].key.jwk-file=" + dir.resolve("current.jwk"),
                        "credbridge.badge.issuers[0].previous-keys[0].id=key-1",
                        "credbridge.badge.issuers[0].previous-keys[0].jwk-file=" + dir.resolve("old-public.jwk"))
                .run(started -> {
                    Issuer issuer = started.getBean(Issuers.class).all().get(0);
                    assertThat(issuer.signingKey().keyId()).isEqualTo("key-2");
                    assertThat(issuer.verificationKeys())
                            .extracting(VerificationKey::keyId)
                            .containsExactly("key-2", "key-1");
                    assertThat(issuer.previousKeys().get(0).publicKey()).isEqualTo(old.getDecodedX());
                });
    }

    @Test
    void aPreviousKeyReusingTheCurrentKeyIdIsRefused() throws Exception {
        Files.writeString(
                dir.resolve("current.jwk"),
                new OctetKeyPairGenerator(Curve.Ed25519).generate().toJSONString());

        context.withPropertyValues(
                        "credbridge.badge.issuers[0].key.id=key-1",
                        "credbridge.badge.issuers[0].key.jwk-file=" + dir.resolve("current.jwk"),
                        "credbridge.badge.issuers[0].previous-keys[0].id=key-1",
                        "credbridge.badge.issuers[0].previous-keys[0].public-key-multibase="
                                + TestIssuers.key("x", 1).verificationKey().publicKeyMultibase())
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("a rotated key needs a new id"));
    }
}
