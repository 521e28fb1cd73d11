package io.credbridge.identity;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;

@RequiresPostgres
@Timeout(60)
class IdentityStoreOnPostgresIT extends IdentityStoreContract {

    private DataSource dataSource;

    @Override
    DataSource dataSource() {
        if (dataSource == null) {
            dataSource = PostgresTestDatabase.newSchemaDataSource();
        }
        return dataSource;
    }
}
