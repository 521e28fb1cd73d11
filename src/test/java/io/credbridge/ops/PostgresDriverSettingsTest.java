package io.credbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresDriverSettingsTest {

    private final PostgresDriverSettings settings = new PostgresDriverSettings();

    @Test
    void aPostgresPoolRewritesBatchesAndPlansIndexScans() {
        try (HikariDataSource postgres = pool("jdbc:postgresql://db:5432/credbridge")) {
            settings.postProcessBeforeInitialization(postgres, "dataSource");

            assertThat(postgres.getDataSourceProperties())
                    .containsEntry("reWriteBatchedInserts", "true")
                    .containsEntry("options", "-c enable_seqscan=off");
        }
    }

    @Test
    void aPostgresPoolLeavesTheServersErrorDetailOutOfMessagesUnlessTheOperatorAskedForIt() {
        try (HikariDataSource postgres = pool("jdbc:postgresql://db:5432/credbridge");
                HikariDataSource debugging = pool("jdbc:postgresql://db:5432/credbridge")) {
            debugging.addDataSourceProperty("logServerErrorDetail", "true");

            settings.postProcessBeforeInitialization(postgres, "dataSource");
            settings.postProcessBeforeInitialization(debugging, "dataSource");

            assertThat(postgres.getDataSourceProperties()).containsEntry("logServerErrorDetail", "false");
            assertThat(debugging.getDataSourceProperties()).containsEntry("logServerErrorDetail", "true");
        }
    }

    @Test
    void anH2PoolIsLeftAloneBecauseH2RejectsUnknownSettings() {
        try (HikariDataSource h2 = pool("jdbc:h2:mem:test;MODE=PostgreSQL")) {
            settings.postProcessBeforeInitialization(h2, "dataSource");

            assertThat(h2.getDataSourceProperties()).isEmpty();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        return dataSource;
    }
}
