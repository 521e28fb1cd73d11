package io.credbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.TlsPostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.jdbc.DataSourceBuilder;

/**
 * PostgreSQL over TLS is the driver's own settings in {@code spring.datasource.url}, as the README says: against a
 * server that takes TLS connections only, the data source Spring Boot builds from such a URL migrates the schema and
 * stores a dead letter over TLS, and the driver refuses a connection without TLS or with a server certificate the
 * configured root did not sign.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PostgresOverTlsIT {

    private static TlsPostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        Assumptions.assumeTrue(
                TlsPostgresServer.unavailableReason().isEmpty(),
                () -> "Skipped: " + TlsPostgresServer.unavailableReason().orElse(""));
        server = TlsPostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theApplicationsDataSourceMigratesAndStoresOverAVerifiedTlsConnection() {
        String url = server.url("sslmode=verify-full&sslrootcert=" + server.rootCertificate());
        try (HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(url)
                .username("postgres")
                .build()) {
            MigratedDatabase database = MigratedDatabase.of(dataSource);
            DeadLetterStore store = new DeadLetterStore(database.jdbc());
            DeadLetterEntry entry = DeadLetterEntry.ofIngest(
                    "5d0f3a4e-0000-4000-8000-00000000d11a",
                    "canvas",
                    "https://sqs.example.edu/canvas-live-events",
                    "message-1",
                    "the message body is not JSON",
                    "io.credbridge.ingest.RejectedInputException",
                    "not json".getBytes(StandardCharsets.UTF_8),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));

            store.insert(List.of(entry));

            assertThat(store.find(entry.deadLetterId()))
                    .hasValueSatisfying(found -> assertThat(found.payload()).isEqualTo(entry.payload()));
            assertThat(database.jdbc()
                            .getJdbcTemplate()
                            .queryForObject("select ssl from pg_stat_ssl where pid = pg_backend_pid()", Boolean.class))
                    .as("the connection the data source hands out is TLS")
                    .isTrue();
            assertThat(database.jdbc()
                            .getJdbcTemplate()
                            .queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                    .as("the migrations ran over it")
                    .isPositive();
        }
    }

    @Test
    void aConnectionWithoutTlsIsRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(server.url("sslmode=disable"), "postgres", ""))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no encryption");
    }

    @Test
    void aServerCertificateTheConfiguredRootDidNotSignIsRefused() {
        String url = server.url("sslmode=verify-full&sslrootcert=" + server.strangerRootCertificate());

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SSL error")
                .hasMessageContaining("certification path");
    }
}
