package io.credbridge.jdbc;

import static io.credbridge.jdbc.BulkInsert.ColumnType.BOOLEAN;
import static io.credbridge.jdbc.BulkInsert.ColumnType.DOUBLE;
import static io.credbridge.jdbc.BulkInsert.ColumnType.INTEGER;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TEXT;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TEXT_ARRAY;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TIMESTAMP;
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

    record Row(String id, String text, Integer number, Double score, Boolean passed, Instant at, List<String> ids) {}

    private static final BulkInsert<Row> ROWS = BulkInsert.<Row>into("bulk_sample")
            .column("id", TEXT, Row::id)
            .column("text", TEXT, Row::text)
            .column("number", INTEGER, Row::number)
            .column("score", DOUBLE, Row::score)
            .column("passed", BOOLEAN, Row::passed)
            .column("at", TIMESTAMP, Row::at)
            .column("ids", TEXT_ARRAY, Row::ids)
            .build();

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
        Row awkward = new Row(
                "r1",
                "tab\there, line\nbreak, return\r, backslash \\ and \\N, quote \" and ünïcødé ✓",
                42,
                0.125,
                true,
                Instant.parse("2026-11-30T12:34:56.789123Z"),
                List.of("plain", "with \"quotes\"", "back\\slash", "comma,brace}", "tab\tin"));
        Row empty = new Row("r2", null, null, null, null, null, null);
        Row noEvidence = new Row("r3", "", -1, -2.5e-7, false, Instant.EPOCH, List.of());

        transactions.executeWithoutResult(status -> ROWS.insert(jdbc, List.of(awkward, empty, noEvidence)));

        assertThat(read("r1")).isEqualTo(awkward);
        assertThat(read("r2")).isEqualTo(empty);
        assertThat(read("r3")).isEqualTo(noEvidence);
    }

    @Test
    void aRowThatBreaksAConstraintFailsTheWholeInsertAndTheTransactionKeepsNone() {
        Row first = new Row("same", "a", 1, 1.0, true, Instant.EPOCH, List.of());
        Row again = new Row("same", "b", 2, 2.0, false, Instant.EPOCH, List.of());
        Row other = new Row("other", "c", 3, 3.0, true, Instant.EPOCH, List.of());

        assertThatThrownBy(() ->
                        transactions.executeWithoutResult(status -> ROWS.insert(jdbc, List.of(other, first, again))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("select count(*) from bulk_sample", Long.class))
                .isZero();
    }

    @Test
    void nothingToInsertTouchesNothing() {
        ROWS.insert(jdbc, List.of());

        assertThat(jdbc.queryForObject("select count(*) from bulk_sample", Long.class))
                .isZero();
    }

    private Row read(String id) {
        return jdbc.queryForObject(
                "select id, text, number, score, passed, at, ids from bulk_sample where id = ?",
                (row, index) -> new Row(
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
