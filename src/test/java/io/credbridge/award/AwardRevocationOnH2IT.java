package io.credbridge.award;

import io.credbridge.testsupport.H2TestDatabase;
import javax.sql.DataSource;

class AwardRevocationOnH2IT extends AwardRevocationContract {

    @Override
    DataSource dataSource() {
        return H2TestDatabase.newDataSource();
    }
}
