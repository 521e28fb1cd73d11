package io.credbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What a bulk insert stores, read back through JDBC: the same on PostgreSQL (COPY) and H2 (a batch). */
abstract class BulkInsertContract {

    abstract DataSource dataSource();

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void createTable() {
        jdbc = new JdbcTemplate(dataSource());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        jdbc.execute("drop table if exists bulk_sample");
        jdbc.execute("create table bulk_sample (id varchar(36) primary key, text varchar(2000), number integer,"
                + " score double precision, passed boolean, at timestamp with time zone, ids varchar(255) array)");
    }

    @Test
    void everyKindOfValueIsStoredAsGivenIncludingNullsAndCharactersCopyReserves() {
        SampleRow awkward = new SampleRow(
                "r1",
                "tab\there, line\nbreak, return\r, backslash \\ and \\N, quote \" and ünïcødé ✓",
                42,
                0.125,
                true,
                Instant.parse("2026-11-30T12:34:56.789123Z"),
                List.of("plain", "with \"quotes\"", "back\\slash", "comma,brace}", "tab\tin"));
        SampleRow empty = new SampleRow("r2", null, null, null, null, null, null);
        SampleRow noEvidence = new SampleRow("r3", "", -1, -2.5e-7, false, Instant.EPOCH, List.of());

        transactions.executeWithoutResult(status -> SampleRow.INSERT.insert(jdbc, List.of(awkward, empty, noEvidence)));

        assertThat(read("r1")).isEqualTo(awkward);
        assertThat(read("r2")).isEqualTo(empty);
        assertThat(read("r3")).isEqualTo(noEvidence);
    }

    @Test
    void aRowThatBreaksAConstraintFailsTheWholeInsertAndTheTransactionKeepsNone() {
        SampleRow first = new SampleRow("same", "a", 1, 1.0, true, Instant.EPOCH, List.of());
        SampleRow again = new SampleRow("same", "b", 2, 2.0, false, Instant.EPOCH, List.of());
        SampleRow other = new SampleRow("other", "c", 3, 3.0, true, Instant.EPOCH, List.of());

        assertThatThrownBy(() -> transactions.executeWithoutResult(
                        status -> SampleRow.INSERT.insert(jdbc, List.of(other, first, again))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("select count(*) from bulk_sample", Long.class))
                .isZero();
    }

    @Test
    void aBatchFarLargerThanOneStreamedChunkArrivesWholeWithMultiByteTextIntact() {
        List<SampleRow> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new SampleRow(
                    "row-" + i, "ünïcødé ✓ ".repeat(1 + i % 7) + i, i, i / 8.0, i % 2 == 0, Instant.EPOCH, List.of()));
        }

        transactions.executeWithoutResult(status -> SampleRow.INSERT.insert(jdbc, rows));

        assertThat(jdbc.queryForObject("select count(*) from bulk_sample", Long.class))
                .isEqualTo(3000);
        assertThat(read("row-0")).isEqualTo(rows.get(0));
        assertThat(read("row-2999")).isEqualTo(rows.get(2999));
        assertThat(jdbc.queryForObject("select sum(length(text)) from bulk_sample", Long.class))
                .isEqualTo(rows.stream().mapToLong(row -> row.text().length()).sum());
    }

    @Test
    void aBreachFarIntoALargeBatchFailsTheWholeInsertAndTheConnectionStaysUsable() {
        List<SampleRow> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new SampleRow("row-" + i, "x".repeat(100), i, 1.0, true, Instant.EPOCH, List.of()));
        }
        rows.add(rows.get(0));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> SampleRow.INSERT.insert(jdbc, rows)))
                .isInstanceOf(DuplicateKeyException.class);
        transactions.executeWithoutResult(status -> SampleRow.INSERT.insert(jdbc, rows.subList(0, 10)));
        assertThat(jdbc.queryForObject("select count(*) from bulk_sample", Long.class))
                .isEqualTo(10);
    }

    @Test
    void nothingToInsertTouchesNothing() {
        SampleRow.INSERT.insert(jdbc, List.of());

        assertThat(jdbc.queryForObject("select count(*) from bulk_sample", Long.class))
                .isZero();
    }

    private SampleRow read(String id) {
        return jdbc.queryForObject(
                "select id, text, number, score, passed, at, ids from bulk_sample where id = ?",
                (row, index) -> new SampleRow(
                        row.getString(1),
                        row.getString(2),
                        row.getObject(3, Integer.class),
                        row.getObject(4, Double.class),
                        row.getObject(5, Boolean.class),
                        row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant(),
                        strings(row.getArray(7))),
                id);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (Object element : (Object[]) array.getArray()) {
            strings.add((String) element);
        }
        return strings;
    }
}
