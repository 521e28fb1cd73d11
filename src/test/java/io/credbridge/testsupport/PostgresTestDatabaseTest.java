package io.credbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostgresTestDatabaseTest {

    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");
    private final Instant cutoff = now.minus(PostgresTestDatabase.LEFTOVER_AGE);

    @Test
    void aSchemaOfAnEarlierRunOlderThanTheLeftoverAgeIsDropped() {
        String schema = PostgresTestDatabase.schemaName(cutoff.minusSeconds(1));

        assertThat(PostgresTestDatabase.leftOverBefore(schema, cutoff)).isTrue();
    }

    @Test
    void aSchemaOfABuildRunningBesideThisOneIsLeftAlone() {
        String schema = PostgresTestDatabase.schemaName(now.minus(Duration.ofMinutes(5)));

        assertThat(PostgresTestDatabase.leftOverBefore(schema, cutoff)).isFalse();
    }

    @Test
    void schemasThatAreNotTestSchemasOrCarryNoCreationTimeAreNeverDropped() {
        assertThat(PostgresTestDatabase.leftOverBefore("public", cutoff)).isFalse();
        assertThat(PostgresTestDatabase.leftOverBefore("it_0a1b2c3d4e5f", cutoff))
                .isFalse();
        assertThat(PostgresTestDatabase.leftOverBefore("it_0_0a1b2c3d_extra", cutoff))
                .isFalse();
    }

    @Test
    void schemaNamesAreValidUnquotedIdentifiersAndDistinct() {
        String first = PostgresTestDatabase.schemaName(now);
        String second = PostgresTestDatabase.schemaName(now);

        assertThat(first).matches("[a-z_][a-z0-9_]{0,62}").isNotEqualTo(second);
    }
}
