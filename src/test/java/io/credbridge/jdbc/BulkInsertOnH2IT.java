package io.credbridge.jdbc;

import io.credbridge.testsupport.H2TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BulkInsertOnH2IT extends BulkInsertContract {

    private final DataSource dataSource = H2TestDatabase.newDataSource();

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
