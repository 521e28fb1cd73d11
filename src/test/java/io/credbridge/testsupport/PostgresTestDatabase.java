package io.credbridge.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for integration tests: the server on 127.0.0.1:5432 (database {@code test}, trust auth) when
 * it answers, else a Testcontainers PostgreSQL when Docker is available. Each caller gets a schema of its own so
 * test classes never see each other's rows.
 */
public final class PostgresTestDatabase {

    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static Server server;

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
        String schema = "it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (java.sql.Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema on " + db.url(), e);
        }
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

    private static Server server() {
        if (server == null) {
            if (localServerAnswers()) {
                server = new Server(LOCAL_URL, "postgres", "");
            } else {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
                container.start();
                server = new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            }
        }
        return server;
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

    /** Connection settings for one test schema. */
    /** A data source on a fresh schema of its own. */
    public static DataSource newSchemaDataSource() {
        Connection.Settings db = newSchema();
        return new DriverManagerDataSource(db.url(), db.user(), db.password());
    }

    public static final class Connection {
        private Connection() {}

        public record Settings(String url, String user, String password, String schema) {}
    }
}
