package io.credbridge.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.CredBridgeApplication;
import io.credbridge.testsupport.TestKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Wrong settings stop CredBridge before it consumes anything, with a message that says what to fix. */
@Timeout(120)
class StartupValidationIT {

    @TempDir
    Path dir;

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
    void anUnknownIdentifierSchemeStopsStartupNamingThePropertyAndTheChoices() {
        assertThatThrownBy(() -> start("--credbridge.identity.accepted-schemes=account,email"))
                .hasStackTraceContaining("credbridge.identity")
                .hasStackTraceContaining("acceptedSchemes[1]': rejected value [email]")
                .hasStackTraceContaining("must be one of account, mbox, mbox_sha1sum, openid");
    }

    private void start(String setting) {
        new SpringApplicationBuilder(CredBridgeApplication.class)
                .run(
                        "--server.port=0",
                        "--credbridge.embedded-kafka.enabled=false",
                        "--camel.component.kafka.brokers=localhost:" + TestKafkaBroker.freePort(),
                        "--credbridge.topics.create=false",
                        "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "--credbridge.transcript.csv.directory=" + dir.resolve("sis-import"),
                        setting)
                .close();
    }
}
