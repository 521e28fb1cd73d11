package io.credbridge.badge;

import io.credbridge.testsupport.H2TestDatabase;
import javax.sql.DataSource;

/** The status lists on the embedded default database. */
class StatusListsTest extends StatusListsContract {

    @Override
    DataSource newDataSource() {
        return H2TestDatabase.newDataSource();
    }
}
