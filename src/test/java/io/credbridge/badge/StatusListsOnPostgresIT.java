package io.credbridge.badge;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;

@RequiresPostgres
@Timeout(120)
class StatusListsOnPostgresIT extends StatusListsContract {

    @Override
    DataSource newDataSource() {
        return PostgresTestDatabase.newSchemaDataSource();
    }
}
