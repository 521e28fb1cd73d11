package io.credbridge.ingest.xapi;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;

@RequiresPostgres
@Timeout(60)
class AcceptedStatementsOnPostgresIT extends AcceptedStatementsContract {

    private DataSource dataSource;

    @Override
    DataSource dataSource() {
        if (dataSource == null) {
            dataSource = PostgresTestDatabase.newSchemaDataSource();
        }
        return dataSource;
    }
}
