package io.credbridge.identity;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;

/** JUnit skips the class before creating it when there is no PostgreSQL, so the schema is made only when used. */
@RequiresPostgres
@Timeout(60)
class IdentityStoreOnPostgresIT extends IdentityStoreContract {

    private final DataSource dataSource = PostgresTestDatabase.newSchemaDataSource();

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
