package io.credbridge.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures make the award stage retry the whole batch (the database is unreachable) and which make it
 * isolate and dead-letter the event at fault: misjudging either loses events or blocks a partition forever.
 */
class AwardStageFailuresTest {

    @Test
    void anUnreachableDatabaseIsRetriedNotDeadLettered() {
        assertThat(AwardStage.databaseUnreachable(new CannotGetJdbcConnectionException("pool exhausted")))
                .isTrue();
        assertThat(AwardStage.databaseUnreachable(new CannotCreateTransactionException(
                        "no connection", new SQLTransientConnectionException("connection refused"))))
                .isTrue();
        assertThat(AwardStage.databaseUnreachable(new QueryTimeoutException("timed out")))
                .isTrue();
        assertThat(AwardStage.databaseUnreachable(
                        new IllegalStateException("wrapped", new SQLTransientConnectionException("connection reset"))))
                .isTrue();
    }

    @Test
    void aRowTheDatabaseRefusesIsThePoisonOfOneEvent() {
        assertThat(AwardStage.databaseUnreachable(new DataIntegrityViolationException("value too long")))
                .isFalse();
        assertThat(AwardStage.databaseUnreachable(new DuplicateKeyException("processed_event_pkey")))
                .isFalse();
        assertThat(AwardStage.databaseUnreachable(new IllegalArgumentException("bad payload")))
                .isFalse();
    }
}
