package io.credbridge.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.MigratedDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The accepted statement ids in table xapi_statement; subclasses run it on H2 and on PostgreSQL. */
abstract class AcceptedStatementsContract {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final String FIRST = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final String SECOND = "e05aa883-acaf-40ad-bf54-02c8ce485fb0";

    private MigratedDatabase database;
    private JdbcAcceptedStatements accepted;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        database = MigratedDatabase.of(dataSource());
        accepted = new JdbcAcceptedStatements(database.jdbc(), database.transactions());
    }

    @Test
    void remembersNewIdsAndTakesTheSameContentAgain() {
        assertThat(accepted.rememberUnlessConflicting(Map.of(FIRST, "a", SECOND, "b"), NOW))
                .isEmpty();
        assertThat(accepted.rememberUnlessConflicting(Map.of(FIRST, "a"), NOW.plusSeconds(60)))
                .isEmpty();

        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void namesTheIdsAcceptedBeforeWithOtherContentAndRemembersNothingOfThatRequest() {
        accepted.rememberUnlessConflicting(Map.of(FIRST, "a"), NOW);

        Set<String> conflicting = accepted.rememberUnlessConflicting(Map.of(SECOND, "b", FIRST, "changed"), NOW);

        assertThat(conflicting).containsExactly(FIRST);
        assertThat(rows()).as("the new id of the refused request is not kept").isEqualTo(1);
        assertThat(accepted.rememberUnlessConflicting(Map.of(FIRST, "a"), NOW)).isEmpty();
    }

    @Test
    void takesNothingForNoStatements() {
        assertThat(accepted.rememberUnlessConflicting(Map.of(), NOW)).isEmpty();
    }

    @Test
    void ofTwoDifferentStatementsRacingForOneIdExactlyOneIsAccepted() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Set<String>>> senders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String content = "content-" + i;
                senders.add(() -> accepted.rememberUnlessConflicting(Map.of(FIRST, content), NOW));
            }
            int acceptedCount = 0;
            for (Future<Set<String>> answer : threads.invokeAll(senders)) {
                acceptedCount += answer.get().isEmpty() ? 1 : 0;
            }
            assertThat(acceptedCount).isEqualTo(1);
            assertThat(rows()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    private int rows() {
        return database.jdbc().getJdbcTemplate().queryForObject("select count(*) from xapi_statement", Integer.class);
    }
}
