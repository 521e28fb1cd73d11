package io.credbridge.award;

import io.credbridge.testsupport.H2TestDatabase;
import java.util.List;
import javax.sql.DataSource;

class LearnerFactKeyOnH2IT extends LearnerFactKeyContract {

    private final DataSource dataSource = H2TestDatabase.newDataSource();

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    List<String> indexNames() {
        return jdbc.queryForList(
                "select lower(index_name) from information_schema.indexes where lower(table_name) = 'learner_fact'",
                String.class);
    }
}
