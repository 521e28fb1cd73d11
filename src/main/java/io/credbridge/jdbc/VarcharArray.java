package io.credbridge.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * A list of strings bound as ONE SQL array parameter, for {@code column = any(:ids)}. A lookup of a batch's ids
 * written as {@code in (?, ?, ...)} becomes, once PostgreSQL caches a generic plan for it, a full scan comparing
 * every row with every id (measured: 2,000-event batches slowing to 10 s); {@code = any(array)} is an index
 * lookup in every plan, on PostgreSQL and H2 alike, for any number of ids.
 */
public final class VarcharArray extends AbstractSqlTypeValue {

    private final Object[] values;

    private VarcharArray(Collection<String> values) {
        this.values = values.toArray();
    }

    public static VarcharArray of(Collection<String> values) {
        return new VarcharArray(values);
    }

    @Override
    protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
        return connection.createArrayOf("varchar", values);
    }
}
