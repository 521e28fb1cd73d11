package io.credbridge.award;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@RequiresPostgres
@Timeout(60)
class AwardExpiryOnPostgresIT extends AwardExpiryContract {

    private DataSource dataSource;

    @Override
    DataSource dataSource() {
        if (dataSource == null) {
            PostgresTestDatabase.Connection.Settings db = PostgresTestDatabase.newSchema();
            dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        }
        return dataSource;
    }
}
