package io.credbridge.ops;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL settings for CredBridge's own connection pool; other databases (H2) are left alone, as they reject
 * driver settings they do not know. Both were found with the award stage benchmark (AwardStageBenchmark):
 *
 * <ul>
 *   <li>{@code reWriteBatchedInserts}: every batch is written with JDBC batch inserts, which PostgreSQL otherwise
 *       executes row by row (754 events/s without, about 7,000 with).
 *   <li>{@code enable_seqscan=off}: every query CredBridge issues is a lookup by key with an index to serve it.
 *       On tables that grew faster than autovacuum analyzes them (a new installation, a backfill) PostgreSQL
 *       cached plans that scanned whole tables instead, and batches slowed from 150 ms to 10 s as the tables
 *       grew. With this setting the plans are index scans whatever the statistics say; a query with no index
 *       path still scans.
 * </ul>
 */
@Component
class PostgresDriverSettings implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource
                && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
            dataSource.addDataSourceProperty("options", "-c enable_seqscan=off");
        }
        return bean;
    }
}
