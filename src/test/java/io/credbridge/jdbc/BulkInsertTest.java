package io.credbridge.jdbc;

import static io.credbridge.jdbc.BulkInsert.ColumnType.BOOLEAN;
import static io.credbridge.jdbc.BulkInsert.ColumnType.DOUBLE;
import static io.credbridge.jdbc.BulkInsert.ColumnType.INTEGER;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TEXT;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TEXT_ARRAY;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkInsertTest {

    record Row(String text, Integer number, Double score, Boolean passed, Instant at, List<String> ids) {}

    private final BulkInsert<Row> rows = BulkInsert.<Row>into("sample")
            .column("text", TEXT, Row::text)
            .column("number", INTEGER, Row::number)
            .column("score", DOUBLE, Row::score)
            .column("passed", BOOLEAN, Row::passed)
            .column("at", TIMESTAMP, Row::at)
            .column("ids", TEXT_ARRAY, Row::ids)
            .build();

    @Test
    void postgresIsGivenACopyAndOtherDatabasesAParameterizedInsertOfTheSameColumns() {
        assertThat(rows.copyStatement()).isEqualTo("copy sample (text, number, score, passed, at, ids) from stdin");
        assertThat(rows.insertStatement())
                .isEqualTo("insert into sample (text, number, score, passed, at, ids) values (?, ?, ?, ?, ?, ?)");
    }

    @Test
    void eachRowIsOneLineOfTabSeparatedColumnsWithNullsWrittenAsBackslashN() {
        String text = rows.copyText(List.of(
                new Row("a", 7, 0.8, true, Instant.parse("2026-11-30T12:00:00.123Z"), List.of("e1", "e2")),
                new Row(null, null, null, false, null, null)));

        assertThat(text)
                .isEqualTo("a\t7\t0.8\tt\t2026-11-30 12:00:00.123000000+00\t{\"e1\",\"e2\"}\n"
                        + "\\N\t\\N\t\\N\tf\t\\N\t\\N\n");
    }

    @Test
    void timestampsAreWrittenInUtcWithEveryDigitOfTheirFraction() {
        String text = rows.copyText(List.of(
                new Row("a", 1, 1.0, true, Instant.parse("0999-01-02T03:04:05.000000007Z"), List.of()),
                new Row("b", 1, 1.0, true, Instant.parse("2026-12-31T23:59:59.999999Z"), List.of())));

        assertThat(text)
                .contains("\t0999-01-02 03:04:05.000000007+00\t")
                .contains("\t2026-12-31 23:59:59.999999000+00\t");
    }

    @Test
    void tabsLineBreaksAndBackslashesInTextAreEscapedSoTheyCannotEndAColumnOrARow() {
        String text = rows.copyText(List.of(new Row("x\ty\nz\r\\w", 1, 1.0, true, Instant.EPOCH, List.of())));

        assertThat(text).startsWith("x\\ty\\nz\\r\\\\w\t");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(text.chars().filter(c -> c == '\t').count()).isEqualTo(5);
    }

    @Test
    void arrayElementsAreQuotedWithTheirQuotesAndBackslashesEscapedForTheArrayAndThenForCopy() {
        String text = rows.copyText(List.of(new Row("t", 1, 1.0, true, Instant.EPOCH, List.of("a\"b", "c\\d", "e,f"))));

        // array literal {"a\"b","c\\d","e,f"}, whose backslashes COPY's text format doubles
        assertThat(text).endsWith("\t{\"a\\\\\"b\",\"c\\\\\\\\d\",\"e,f\"}\n");
    }
}
