package io.credbridge.award;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;

@RequiresPostgres
@Timeout(60)
class LearnerFactKeyOnPostgresIT extends LearnerFactKeyContract {

    private final DataSource dataSource = PostgresTestDatabase.newSchemaDataSource();

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    List<String> indexNames() {
        return jdbc.queryForList(
                "select indexname from pg_indexes where tablename = 'learner_fact' and schemaname = current_schema()",
                String.class);
    }
}
