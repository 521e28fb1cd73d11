package io.credbridge.endtoend;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The award ledger as a test waits on it. */
final class Awards {

    private Awards() {}

    /** Waits until the learner holds exactly one award, and answers its id. */
    static String awaitOnlyAward(JdbcTemplate jdbc, String learner, Duration patience) {
        await().atMost(patience)
                .until(() -> jdbc.queryForObject("select count(*) from award where learner_id = ?", Long.class, learner)
                        == 1);
        return jdbc.queryForObject("select award_id from award where learner_id = ?", String.class, learner);
    }
}
