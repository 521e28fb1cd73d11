package io.credbridge.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows of one table in one go: with PostgreSQL's {@code COPY} when the connection is PostgreSQL's, and
 * as one JDBC batch otherwise (H2, the embedded default). It runs on the caller's transaction, and a row that breaks
 * a constraint fails the whole insert, as a batch does.
 *
 * <p>Why COPY: the award stage writes a fact per event and an award and its outbox rows per award. As batched
 * INSERTs the driver bound every parameter of every row and PostgreSQL parsed and planned a multi-row statement per
 * 128 rows; a COPY sends the rows as text in one stream (AwardStageBenchmark, see the README's figures).
 *
 * @param <T> what one row is made from
 */
public final class BulkInsert<T> {

    private final List<Column<T>> columns;
    private final String copy;
    private final String insert;

    private BulkInsert(String table, List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.copy = "copy " + table + " (" + names + ") from stdin";
        this.insert = "insert into " + table + " (" + names + ") values ("
                + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    }

    public static <T> Builder<T> into(String table) {
        return new Builder<>(table);
    }

    /** The statement H2 is given (and any database that is not PostgreSQL). */
    String insertStatement() {
        return insert;
    }

    /** The statement PostgreSQL is given. */
    String copyStatement() {
        return copy;
    }

    public void insert(JdbcTemplate jdbc, Collection<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), rows);
            } else {
                batch(connection, rows);
            }
            return null;
        });
    }

    private void copy(PGConnection connection, Collection<T> rows) throws SQLException {
        byte[] text = copyText(rows).getBytes(StandardCharsets.UTF_8);
        try {
            connection.getCopyAPI().copyIn(copy, new ByteArrayInputStream(text));
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("COPY into the database failed: " + e.getMessage(), e);
        }
    }

    /** The rows in COPY's text format: tab-separated columns, one line per row, {@code \N} for null. */
    String copyText(Collection<T> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 64 * columns.size());
        for (T row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Column<T> column = columns.get(i);
                Object value = column.value().apply(row);
                if (value == null) {
                    text.append("\\N");
                } else {
                    column.type().appendCopyText(value, text);
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private void batch(Connection connection, Collection<T> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (T row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    Column<T> column = columns.get(i);
                    column.type().bind(statement, i + 1, column.value().apply(row));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The kinds of value a column holds, and how each is written as COPY text and bound as a parameter. */
    public enum ColumnType {
        TEXT(Types.VARCHAR),
        INTEGER(Types.INTEGER),
        DOUBLE(Types.DOUBLE),
        BOOLEAN(Types.BOOLEAN),
        /** An {@link Instant}, for a {@code timestamp with time zone} column. */
        TIMESTAMP(Types.TIMESTAMP_WITH_TIMEZONE),
        /** A {@code List<String>}, for a {@code varchar array} column. */
        TEXT_ARRAY(Types.ARRAY);

        private final int sqlType;

        ColumnType(int sqlType) {
            this.sqlType = sqlType;
        }

        void appendCopyText(Object value, StringBuilder text) {
            switch (this) {
                case TEXT -> escape(value.toString(), text);
                case INTEGER, DOUBLE -> text.append(value);
                case BOOLEAN -> text.append((Boolean) value ? 't' : 'f');
                case TIMESTAMP -> appendTimestamp((Instant) value, text);
                case TEXT_ARRAY -> escape(arrayLiteral(value), text);
            }
        }

        void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            if (value == null) {
                statement.setNull(index, this == TIMESTAMP ? Types.TIMESTAMP : sqlType);
                return;
            }
            switch (this) {
                case TEXT -> statement.setString(index, value.toString());
                case TIMESTAMP -> statement.setTimestamp(index, Timestamp.from((Instant) value));
                case TEXT_ARRAY ->
                    statement.setArray(
                            index,
                            statement
                                    .getConnection()
                                    .createArrayOf("varchar", strings(value).toArray()));
                default -> statement.setObject(index, value, sqlType);
            }
        }

        /** A PostgreSQL array literal, every element quoted: {@code {"a","b \"c\""}}. */
        private static String arrayLiteral(Object value) {
            StringBuilder literal = new StringBuilder("{");
            for (String element : strings(value)) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                literal.append('"');
                for (int i = 0; i < element.length(); i++) {
                    char c = element.charAt(i);
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
            return literal.append('}').toString();
        }

        private static List<String> strings(Object value) {
            List<String> strings = new ArrayList<>();
            for (Object element : (Collection<?>) value) {
                strings.add((String) element);
            }
            return strings;
        }

        /** COPY's text format reserves the backslash, and tab and line breaks separate columns and rows. */
        private static void escape(String value, StringBuilder text) {
            // Ids, names and JSON (whose strings escape their own tabs and line breaks) rarely hold one: the common
            // case is four String.indexOf scans (JDK intrinsics) rather than a look at every character in Java.
            if (value.indexOf('\\') < 0
                    && value.indexOf('\t') < 0
                    && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                text.append(value);
                return;
            }
            int length = value.length();
            int next = 0;
            // Copy the runs between reserved characters whole.
            for (int i = 0; i < length; i++) {
                String escaped = escaped(value.charAt(i));
                if (escaped != null) {
                    text.append(value, next, i).append(escaped);
                    next = i + 1;
                }
            }
            text.append(value, next, length);
        }

        private static String escaped(char c) {
            switch (c) {
                case '\\':
                    return "\\\\";
                case '\t':
                    return "\\t";
                case '\n':
                    return "\\n";
                case '\r':
                    return "\\r";
                default:
                    return null;
            }
        }

        /**
         * An instant as PostgreSQL reads a UTC timestamp, {@code 2026-11-30 12:34:56.789123+00}, written digit by
         * digit: {@link Instant#toString} goes through a formatter, which was a tenth of writing a fact.
         */
        private static void appendTimestamp(Instant instant, StringBuilder text) {
            LocalDateTime utc =
                    LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
            padded(text, utc.getYear(), 4).append('-');
            padded(text, utc.getMonthValue(), 2).append('-');
            padded(text, utc.getDayOfMonth(), 2).append(' ');
            padded(text, utc.getHour(), 2).append(':');
            padded(text, utc.getMinute(), 2).append(':');
            padded(text, utc.getSecond(), 2).append('.');
            // Nanoseconds in full: PostgreSQL rounds them to its microseconds, as it does for a bound timestamp.
            padded(text, utc.getNano(), 9).append("+00");
        }

        private static StringBuilder padded(StringBuilder text, int value, int digits) {
            String number = Integer.toString(value);
            for (int i = number.length(); i < digits; i++) {
                text.append('0');
            }
            return text.append(number);
        }
    }

    private record Column<T>(String name, ColumnType type, Function<T, ?> value) {}

    public static final class Builder<T> {

        private final String table;
        private final List<Column<T>> columns = new ArrayList<>();

        private Builder(String table) {
            this.table = table;
        }

        public Builder<T> column(String name, ColumnType type, Function<T, ?> value) {
            columns.add(new Column<>(name, type, value));
            return this;
        }

        public BulkInsert<T> build() {
            return new BulkInsert<>(table, columns);
        }
    }
}
