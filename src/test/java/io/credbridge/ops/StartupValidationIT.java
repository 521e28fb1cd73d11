package io.credbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.CredBridgeApplication;
import io.credbridge.testsupport.TestCredentials;
import io.credbridge.testsupport.TestKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Wrong settings stop CredBridge before it consumes anything, with a message that says what to fix. */
@Timeout(120)
@ExtendWith(OutputCaptureExtension.class)
class StartupValidationIT {

    @TempDir
    Path dir;

    @Test
    void authenticationOnWithNoWayForACallerToAuthenticateStopsStartupSayingWhatToConfigure() {
        assertThatThrownBy(() -> run(java.util.List.of()))
                .hasStackTraceContaining(
                        "Authentication is on (credbridge.security.enabled) but no caller can authenticate")
                .hasStackTraceContaining("credbridge.security.jwt.issuer-uri")
                .hasStackTraceContaining("credbridge.security.api-keys[0].name, .key and .roles");
    }

    @Test
    void theDemoProfileTurnsAuthenticationOffAndTheLogSaysSoLoudly(CapturedOutput output) {
        run(java.util.List.of("--spring.profiles.active=demo"));

        assertThat(output.getOut())
                .contains("AUTHENTICATION IS OFF (credbridge.security.enabled=false)")
                .contains("xAPI endpoint: authentication is off");
    }

    @Test
    void aBadCredentialDefinitionStopsStartupNamingTheFileTheCredentialAndTheField() throws Exception {
        Files.writeString(dir.resolve("sql.yaml"), """
                id: sql-proficiency
                version: 1
                name: SQL Proficiency
                kind: certificate
                issuer: {id: "https://credentials.example.edu", name: Example University}
                criteria:
                  - type: assessment-score
                    assessment: https://lms.example.edu/assessments/sql-final
                    minScore: 1.5
                """);

        assertThatThrownBy(() -> start("--credbridge.catalog.locations=" + dir.toUri() + "*.yaml"))
                .hasStackTraceContaining("sql.yaml: credential 'sql-proficiency': field 'criteria[0].minScore'"
                        + " must be a scaled score between 0 and 1 (was '1.5')");
    }

    @Test
    void aCredentialWhoseIssuerHasNoSigningKeyStopsStartupNamingTheIssuerTheCredentialAndTheProperty()
            throws Exception {
        Files.writeString(dir.resolve("sql.yaml"), """
                id: sql-proficiency
                version: 1
                name: SQL Proficiency
                kind: certificate
                issuer: {id: "https://credentials.example.edu/issuers/engineering", name: Engineering}
                criteria:
                  - type: course-completed
                    course: https://lms.example.edu/courses/sql-101
                """);

        assertThatThrownBy(() -> start("--credbridge.catalog.locations=" + dir.toUri() + "*.yaml"))
                .hasStackTraceContaining("issuer https://credentials.example.edu/issuers/engineering (of"
                        + " sql-proficiency) has no signing key")
                .hasStackTraceContaining("credbridge.badge.issuers");
    }

    @Test
    void anAwardStageSettingOutOfRangeStopsStartupNamingThePropertyAndWhatToFix() {
        assertThatThrownBy(() -> start("--credbridge.award.parallelism=64", "--credbridge.award.instance-id=pod 1"))
                .hasStackTraceContaining("credbridge.award")
                .hasStackTraceContaining("must be at most 16")
                .hasStackTraceContaining("must be a non-blank id without spaces, unique per instance, or unset");
    }

    @Test
    void anUnknownIdentifierSchemeStopsStartupNamingThePropertyAndTheChoices() {
        assertThatThrownBy(() -> start("--credbridge.identity.accepted-schemes=account,email"))
                .hasStackTraceContaining("credbridge.identity")
                .hasStackTraceContaining("acceptedSchemes[1]': rejected value [email]")
                .hasStackTraceContaining("must be one of account, mbox, mbox_sha1sum, openid");
    }

    @Test
    void anIssuerWithoutAKeyStopsStartupOutsideTheEmbeddedDefaultSayingWhatToConfigure() {
        assertThatThrownBy(() -> start("--credbridge.badge.development-keys.enabled=false"))
                .hasStackTraceContaining("credbridge.badge.issuers[0].key is missing")
                .hasStackTraceContaining("key.id and one of key.jwk-file, key.pkcs8-file, key.env");
    }

    @Test
    void anIssuerKeyFileThatIsNotThereStopsStartupNamingThePropertyAndThePath() {
        // A list given on the command line replaces application.yaml's whole list, so the issuer is given whole.
        assertThatThrownBy(() -> start(
                        "--credbridge.badge.issuers[0].id=https://credentials.demo.credbridge.io/issuers/continuing-education",
                        "--credbridge.badge.issuers[0].slug=continuing-education",
                        "--credbridge.badge.issuers[0].name=Demo University Continuing Education",
                        "--credbridge.badge.issuers[0].key.id=key-1",
                        "--credbridge.badge.issuers[0].key.jwk-file=" + dir.resolve("ce.jwk")))
                .isInstanceOf(org.springframework.beans.factory.BeanCreationException.class)
                .hasStackTraceContaining("credbridge.badge.issuers[0].key.jwk-file points at " + dir.resolve("ce.jwk"))
                .hasStackTraceContaining("does not exist");
    }

    private void start(String... settings) {
        run(TestCredentials.arguments(), settings);
    }

    private void run(java.util.List<String> credentials, String... settings) {
        java.util.List<String> arguments = new java.util.ArrayList<>(credentials);
        arguments.addAll(java.util.List.of(
                "--server.port=0",
                "--credbridge.embedded-kafka.enabled=false",
                "--camel.component.kafka.brokers=localhost:" + TestKafkaBroker.freePort(),
                "--credbridge.topics.create=false",
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--credbridge.transcript.csv.directory=" + dir.resolve("sis-import"),
                // Keys an embedded-default start generates stay in the test's folder, not the project's.
                "--credbridge.badge.development-keys.directory=" + dir.resolve("dev-keys")));
        arguments.addAll(java.util.List.of(settings));
        new SpringApplicationBuilder(CredBridgeApplication.class)
                .run(arguments.toArray(String[]::new))
                .close();
    }
}
