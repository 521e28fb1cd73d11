package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Keys learner facts by event, then learner, and drops the index on the event alone, which that key now serves.
 * Every fact written paid for three indexes, two of them led by a random event id (an xAPI statement id is a random
 * UUID) and so inserted on a random page each; with this, one. The dedup check and voids find facts by event, the
 * award stage reads them by learner and activity ({@code learner_fact_by_learner_and_activity}); nothing reads by
 * learner and event.
 *
 * <p>Java, not SQL: PostgreSQL names the primary key it drops, H2 (the embedded default) has its own name for it and
 * its own statement; the rest is the same on both. Builds one index on upgrade, as V24 did.
 */
public class V25__learner_fact_keyed_by_event extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    postgres
                            ? "alter table learner_fact drop constraint learner_fact_pkey"
                            : "alter table learner_fact drop primary key");
            statement.execute(
                    "alter table learner_fact add constraint learner_fact_pkey primary key (event_id, learner_id)");
            statement.execute("drop index learner_fact_by_event");
        }
    }
}
