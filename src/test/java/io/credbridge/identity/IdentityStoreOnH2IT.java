package io.credbridge.identity;

import io.credbridge.testsupport.H2TestDatabase;
import javax.sql.DataSource;

class IdentityStoreOnH2IT extends IdentityStoreContract {

    private final DataSource dataSource = H2TestDatabase.newDataSource();

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
