package io.credbridge.testsupport;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A database with CredBridge's schema migrated, as the stores and their transactions use it. */
public record MigratedDatabase(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {

    public static MigratedDatabase of(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new MigratedDatabase(
                new NamedParameterJdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }
}
