package io.credbridge.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for integration tests: the server on 127.0.0.1:5432 (database {@code test}, trust auth) when
 * it answers, else a Testcontainers PostgreSQL when Docker is available. Each caller gets a schema of its own so
 * test classes never see each other's rows.
 *
 * <p>The local server outlives the build (CI runs on the machine as a session left it), so schemas do not pile up:
 * the JVM drops the schemas it created when it exits, and the first use drops schemas of earlier runs that are older
 * than {@link #LEFTOVER_AGE} (their JVM was killed). Schema names carry their creation time for that; a schema of a
 * build running beside this one is younger and left alone.
 */
public final class PostgresTestDatabase {

    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    static final Duration LEFTOVER_AGE = Duration.ofHours(6);

    private static final Pattern SCHEMA_NAME = Pattern.compile("it_([0-9a-z]+)_[0-9a-f]{8}");

    private static Server server;
    private static final List<String> created = new ArrayList<>();

    private PostgresTestDatabase() {}

    /** Why no PostgreSQL can be had, or empty when one can. */
    public static synchronized Optional<String> unavailableReason() {
        if (server != null || localServerAnswers() || dockerAvailable()) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL is not reachable on 127.0.0.1:5432 and Docker is not available for"
                + " Testcontainers; start PostgreSQL (README: Running the tests) to run this test");
    }

    /** Creates a fresh schema and returns connection settings that use it. */
    public static synchronized Connection.Settings newSchema() {
        Server db = server();
        String schema = schemaName(Instant.now());
        try (java.sql.Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema on " + db.url(), e);
        }
        created.add(schema);
        return new Connection.Settings(db.url() + "?currentSchema=" + schema, db.user(), db.password(), schema);
    }

    /**
     * The application's production parts: a fresh schema of its own (datasource and Flyway) and the shared test
     * broker in place of the embedded one.
     */
    public static void registerWithTestBroker(org.springframework.test.context.DynamicPropertyRegistry registry) {
        Connection.Settings db = newSchema();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.flyway.schemas", db::schema);
        registry.add("credbridge.embedded-kafka.enabled", () -> "false");
        registry.add("camel.component.kafka.brokers", TestKafkaBroker::bootstrapServers);
    }

    static String schemaName(Instant createdAt) {
        return "it_" + Long.toString(createdAt.getEpochSecond(), 36) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Whether a schema is a test schema created before {@code cutoff}; other schemas are never touched. */
    static boolean leftOverBefore(String schema, Instant cutoff) {
        Matcher name = SCHEMA_NAME.matcher(schema);
        return name.matches()
                && Instant.ofEpochSecond(Long.parseLong(name.group(1), 36)).isBefore(cutoff);
    }

    private static Server server() {
        if (server == null) {
            if (localServerAnswers()) {
                server = new Server(LOCAL_URL, "postgres", "");
                dropSchemas(server, leftOvers(server));
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::dropCreated, "drop-it-schemas"));
            } else {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
                container.start();
                server = new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            }
        }
        return server;
    }

    private static List<String> leftOvers(Server db) {
        Instant cutoff = Instant.now().minus(LEFTOVER_AGE);
        List<String> leftOvers = new ArrayList<>();
        try (java.sql.Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement statement = connection.createStatement();
                ResultSet schemas = statement.executeQuery(
                        "select schema_name from information_schema.schemata where schema_name like 'it\\_%'")) {
            while (schemas.next()) {
                if (leftOverBefore(schemas.getString(1), cutoff)) {
                    leftOvers.add(schemas.getString(1));
                }
            }
        } catch (SQLException e) {
            // Only housekeeping: the tests run the same with the leftovers still there.
        }
        return leftOvers;
    }

    private static synchronized void dropCreated() {
        dropSchemas(server, created);
    }

    /**
     * Best effort and bounded: a schema still locked by a connection pool that has not closed yet is left for a later
     * run's sweep rather than holding up the JVM's exit.
     */
    private static void dropSchemas(Server db, List<String> schemas) {
        if (schemas.isEmpty()) {
            return;
        }
        try (java.sql.Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '2s'");
            for (String schema : schemas) {
                try {
                    statement.execute("drop schema if exists " + schema + " cascade");
                } catch (SQLException e) {
                    // Left for the sweep of a later run.
                }
            }
        } catch (SQLException e) {
            // Only housekeeping.
        }
    }

    private static boolean localServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private record Server(String url, String user, String password) {}

    /** A data source on a fresh schema of its own. */
    public static DataSource newSchemaDataSource() {
        Connection.Settings db = newSchema();
        return new DriverManagerDataSource(db.url(), db.user(), db.password());
    }

    /** Connection settings for one test schema. */
    public static final class Connection {
        private Connection() {}

        public record Settings(String url, String user, String password, String schema) {}
    }
}
