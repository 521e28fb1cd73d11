package io.credbridge.outbox;

import io.credbridge.testsupport.H2TestDatabase;
import javax.sql.DataSource;

/** The embedded default database, in the mode application.yaml uses. */
class OutboxStoreOnH2IT extends OutboxStoreContract {

    private final DataSource dataSource = H2TestDatabase.newDataSource();

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
