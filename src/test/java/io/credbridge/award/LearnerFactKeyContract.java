package io.credbridge.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.testsupport.MigratedDatabase;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What V25 leaves on every database CredBridge runs on: facts keyed by event, then learner, and no index of the event
 * alone beside that key. The key is what keeps a replayed batch from storing a fact twice.
 */
abstract class LearnerFactKeyContract {

    static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");

    AwardLedger ledger;
    JdbcTemplate jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        // Facts stored under V24's key, on a database that has not met V25 yet.
        Flyway.configure().dataSource(dataSource()).target("24").load().migrate();
        JdbcTemplate beforeUpgrade = new JdbcTemplate(dataSource());
        for (String learner : List.of("carol", "dave")) {
            beforeUpgrade.update(
                    "insert into learner_fact (learner_id, event_id, activity_id, kind, occurred_at)"
                            + " values (?, 'stored-before-upgrade', 'https://lms.example.edu/courses/sql-101',"
                            + " 'COMPLETED', current_timestamp)",
                    learner);
        }
        MigratedDatabase database = MigratedDatabase.of(dataSource());
        jdbc = database.jdbc().getJdbcTemplate();
        ledger = new AwardLedger(database.jdbc());
    }

    @Test
    void factsStoredBeforeTheUpgradeAreKeptAndStillRefusedASecondTime() {
        assertThat(jdbc.queryForList(
                        "select learner_id from learner_fact where event_id = 'stored-before-upgrade'"
                                + " order by learner_id",
                        String.class))
                .containsExactly("carol", "dave");

        assertThatThrownBy(() -> ledger.recordFacts(List.of(completion("carol", "stored-before-upgrade"))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theSameEventOfTheSameLearnerCannotBeStoredTwice() {
        ledger.recordFacts(List.of(completion("alice", "event-1")));

        assertThatThrownBy(() -> ledger.recordFacts(List.of(completion("alice", "event-1"))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("select count(*) from learner_fact where event_id = 'event-1'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void factsAreKeyedByEventThenLearnerWithNoIndexOfTheEventAloneBesideTheKey() {
        assertThat(jdbc.queryForList(
                        "select column_name from information_schema.key_column_usage k"
                                + " join information_schema.table_constraints c"
                                + " on c.constraint_name = k.constraint_name and c.table_schema = k.table_schema"
                                + " where lower(c.table_name) = 'learner_fact' and c.table_schema = current_schema()"
                                + " and c.constraint_type = 'PRIMARY KEY' order by k.ordinal_position",
                        String.class))
                .map(String::toLowerCase)
                .containsExactly("event_id", "learner_id");
        assertThat(indexNames()).doesNotContain("learner_fact_by_event");
    }

    @Test
    void oneEventStatedOfTwoLearnersIsAFactOfEachAndItsVoidWithdrawsBoth() {
        ledger.recordFacts(List.of(completion("alice", "shared-event"), completion("bob", "shared-event")));

        assertThat(jdbc.queryForList(
                        "select learner_id from learner_fact where event_id = 'shared-event' order by learner_id",
                        String.class))
                .containsExactly("alice", "bob");

        ledger.forgetFacts(List.of("shared-event"));

        assertThat(jdbc.queryForObject(
                        "select count(*) from learner_fact where event_id = 'shared-event'", Integer.class))
                .isZero();
    }

    abstract List<String> indexNames();

    private static LearnerFact completion(String learner, String event) {
        return new LearnerFact(
                learner,
                event,
                "https://lms.example.edu/courses/sql-101",
                LearnerFact.Kind.COMPLETED,
                null,
                AT,
                null,
                null,
                null,
                "xapi");
    }
}
