package io.credbridge.ops;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Turns on the PostgreSQL driver's rewriting of JDBC batches into multi-row inserts. The award stage and the
 * outbox write every batch with JDBC batch inserts, which PostgreSQL otherwise executes row by row: the
 * benchmark measured the award stage at 754 events/s without the rewrite and 7,000-8,000 with it. Other
 * databases (H2) are left alone, as they reject driver settings they do not know.
 */
@Component
class PostgresDriverSettings implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource
                && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
