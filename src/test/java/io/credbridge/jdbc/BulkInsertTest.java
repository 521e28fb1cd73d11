package io.credbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkInsertTest {

    private final BulkInsert<SampleRow> rows = SampleRow.INSERT;

    @Test
    void postgresIsGivenACopyAndOtherDatabasesAParameterizedInsertOfTheSameColumns() {
        assertThat(rows.copyStatement())
                .isEqualTo("copy bulk_sample (id, text, number, score, passed, at, ids) from stdin");
        assertThat(rows.insertStatement())
                .isEqualTo(
                        "insert into bulk_sample (id, text, number, score, passed, at, ids) values (?, ?, ?, ?, ?, ?, ?)");
    }

    @Test
    void eachRowIsOneLineOfTabSeparatedColumnsWithNullsWrittenAsBackslashN() {
        String text = rows.copyText(List.of(
                new SampleRow("r1", "a", 7, 0.8, true, Instant.parse("2026-11-30T12:00:00.123Z"), List.of("e1", "e2")),
                new SampleRow("r2", null, null, null, false, null, null)));

        assertThat(text)
                .isEqualTo("r1\ta\t7\t0.8\tt\t2026-11-30 12:00:00.123000000+00\t{\"e1\",\"e2\"}\n"
                        + "r2\t\\N\t\\N\t\\N\tf\t\\N\t\\N\n");
    }

    @Test
    void timestampsAreWrittenInUtcWithEveryDigitOfTheirFraction() {
        String text = rows.copyText(List.of(
                new SampleRow("r3", "a", 1, 1.0, true, Instant.parse("0999-01-02T03:04:05.000000007Z"), List.of()),
                new SampleRow("r4", "b", 1, 1.0, true, Instant.parse("2026-12-31T23:59:59.999999Z"), List.of())));

        assertThat(text)
                .contains("\t0999-01-02 03:04:05.000000007+00\t")
                .contains("\t2026-12-31 23:59:59.999999000+00\t");
    }

    @Test
    void tabsLineBreaksAndBackslashesInTextAreEscapedSoTheyCannotEndAColumnOrARow() {
        String text =
                rows.copyText(List.of(new SampleRow("r5", "x\ty\nz\r\\w", 1, 1.0, true, Instant.EPOCH, List.of())));

        assertThat(text).startsWith("r5\tx\\ty\\nz\\r\\\\w\t");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(text.chars().filter(c -> c == '\t').count()).isEqualTo(6);
    }

    @Test
    void arrayElementsAreQuotedWithTheirQuotesAndBackslashesEscapedForTheArrayAndThenForCopy() {
        String text = rows.copyText(
                List.of(new SampleRow("r6", "t", 1, 1.0, true, Instant.EPOCH, List.of("a\"b", "c\\d", "e,f"))));

        // array literal {"a\"b","c\\d","e,f"}, whose backslashes COPY's text format doubles
        assertThat(text).endsWith("\t{\"a\\\\\"b\",\"c\\\\\\\\d\",\"e,f\"}\n");
    }
}
