package io.credbridge.ingest.xapi;

import io.credbridge.testsupport.H2TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AcceptedStatementsOnH2IT extends AcceptedStatementsContract {

    private final DataSource dataSource = H2TestDatabase.newDataSource();

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
