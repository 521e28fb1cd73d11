package io.credbridge.identity;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The embedded default database, in the mode application.yaml uses. */
class IdentityStoreOnH2IT extends IdentityStoreContract {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "DB_CLOSE_DELAY=-1",
            "sa",
            "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
