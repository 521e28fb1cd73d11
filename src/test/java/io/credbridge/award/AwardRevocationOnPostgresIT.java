package io.credbridge.award;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import javax.sql.DataSource;

@RequiresPostgres
class AwardRevocationOnPostgresIT extends AwardRevocationContract {

    @Override
    DataSource dataSource() {
        return PostgresTestDatabase.newSchemaDataSource();
    }
}
