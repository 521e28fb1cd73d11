package io.credbridge.jdbc;

import static io.credbridge.jdbc.BulkInsert.ColumnType.BOOLEAN;
import static io.credbridge.jdbc.BulkInsert.ColumnType.DOUBLE;
import static io.credbridge.jdbc.BulkInsert.ColumnType.INTEGER;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TEXT;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TEXT_ARRAY;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TIMESTAMP;

import java.time.Instant;
import java.util.List;

/** A row with a column of every kind BulkInsert writes, for its unit test and its database contract. */
record SampleRow(String id, String text, Integer number, Double score, Boolean passed, Instant at, List<String> ids) {

    static final BulkInsert<SampleRow> INSERT = BulkInsert.<SampleRow>into("bulk_sample")
            .column("id", TEXT, SampleRow::id)
            .column("text", TEXT, SampleRow::text)
            .column("number", INTEGER, SampleRow::number)
            .column("score", DOUBLE, SampleRow::score)
            .column("passed", BOOLEAN, SampleRow::passed)
            .column("at", TIMESTAMP, SampleRow::at)
            .column("ids", TEXT_ARRAY, SampleRow::ids)
            .build();
}
