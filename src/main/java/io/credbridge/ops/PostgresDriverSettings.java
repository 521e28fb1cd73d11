package io.credbridge.ops;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL settings for CredBridge's own connection pool; other databases (H2) are left alone, as they reject
 * driver settings they do not know. The first two were found with the award stage benchmark (AwardStageBenchmark):
 *
 * <ul>
 *   <li>{@code reWriteBatchedInserts}: every batch is written with JDBC batch inserts, which PostgreSQL otherwise
 *       executes row by row (754 events/s without, about 7,000 with).
 *   <li>{@code enable_seqscan=off}: every query CredBridge issues is a lookup by key with an index to serve it.
 *       On tables that grew faster than autovacuum analyzes them (a new installation, a backfill) PostgreSQL
 *       cached plans that scanned whole tables instead, and batches slowed from 150 ms to 10 s as the tables
 *       grew. With this setting the plans are index scans whatever the statistics say; a query with no index
 *       path still scans.
 *   <li>{@code logServerErrorDetail=false}: the driver otherwise copies the server's detail line into every error
 *       message, and for a unique violation that line is the refused key ({@code Key (learner_id)=(s4711042)
 *       already exists}): a learner id that log lines and dead-letter reasons would carry on, where a student
 *       number cannot be told from any other number and so is not masked. The constraint's name stays, which says
 *       what collided. A value given in the URL or in {@code spring.datasource.hikari.data-source-properties} wins,
 *       for a debugging session.
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
            dataSource.getDataSourceProperties().putIfAbsent("logServerErrorDetail", "false");
        }
        return bean;
    }
}
