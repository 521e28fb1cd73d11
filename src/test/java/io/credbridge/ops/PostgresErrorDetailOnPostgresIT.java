package io.credbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import io.credbridge.deadletter.DeadLetterEntry;
import io.credbridge.testsupport.MigratedDatabase;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DuplicateKeyException;

/**
 * A student number is not masked in free text (it looks like any other number), so the PostgreSQL driver must not
 * put the key a unique violation refused into the message in the first place.
 */
@RequiresPostgres
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class PostgresErrorDetailOnPostgresIT {

    private static final Logger log = LoggerFactory.getLogger(PostgresErrorDetailOnPostgresIT.class);
    private static final String STUDENT_NUMBER = "s4711042";

    @Test
    void aUniqueViolationIsLoggedAndDeadLetteredWithItsConstraintButWithoutTheLearnersId(CapturedOutput output) {
        try (HikariDataSource pool = pool()) {
            new PostgresDriverSettings().postProcessBeforeInitialization(pool, "dataSource");

            DuplicateKeyException refused = mapTwice(pool);
            log.warn("Learner mapping could not be stored", refused);
            String reason = deadLetterReasonOf(refused);

            assertThat(refused).hasMessageContaining("learner_mapping_pkey");
            assertThat(refused.getMessage()).doesNotContain("4711042");
            assertThat(reason)
                    .contains("duplicate key value violates unique constraint")
                    .doesNotContain("4711042");
            assertThat(output.getOut()).contains("learner_mapping_pkey").doesNotContain("4711042");
        }
    }

    @Test
    void withoutCredBridgesPoolSettingsTheDriverQuotesTheRefusedKey() {
        try (HikariDataSource pool = pool()) {
            DuplicateKeyException refused = mapTwice(pool);

            assertThat(refused.getMessage()).contains("Key (scheme, namespace, identifier)=(account, , s4711042)");
        }
    }

    @Test
    void aDebuggingSessionCanAskForTheDetailInTheUrl() {
        try (HikariDataSource pool = pool("logServerErrorDetail=true")) {
            new PostgresDriverSettings().postProcessBeforeInitialization(pool, "dataSource");

            DuplicateKeyException refused = mapTwice(pool);

            assertThat(refused.getMessage()).contains("Key (scheme, namespace, identifier)=(account, , s4711042)");
        }
    }

    private static HikariDataSource pool() {
        return pool(null);
    }

    /** @param urlParameter a driver setting appended to the JDBC URL, or null */
    private static HikariDataSource pool(String urlParameter) {
        PostgresTestDatabase.Connection.Settings db = PostgresTestDatabase.newSchema();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(
                urlParameter == null ? db.url() : db.url() + (db.url().contains("?") ? "&" : "?") + urlParameter);
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static DuplicateKeyException mapTwice(HikariDataSource pool) {
        MigratedDatabase database = MigratedDatabase.of(pool);
        String insert = "insert into learner_mapping (scheme, namespace, identifier, sis_person_id, updated_at,"
                + " updated_by) values ('account', '', :learner, 'P1', current_timestamp, 'test')";
        Map<String, String> learner = Map.of("learner", STUDENT_NUMBER);
        database.jdbc().update(insert, learner);
        return catchThrowableOfType(
                DuplicateKeyException.class, () -> database.jdbc().update(insert, learner));
    }

    private static String deadLetterReasonOf(RuntimeException failure) {
        return DeadLetterEntry.ofIngest(
                        "dl-1", "test", "origin", "key", failure.getMessage(), "error", new byte[0], Instant.now())
                .reason();
    }
}
