package io.credbridge.ingest.xapi;

import io.credbridge.jdbc.VarcharArray;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepted statement ids in table {@code xapi_statement}. Insert first, then compare: the primary key decides a race
 * between two requests with the same id, so of two different statements only one is ever accepted. A redelivery
 * (same fingerprint) passes, so a request that Kafka failed can be sent again.
 */
@Repository
class JdbcAcceptedStatements implements AcceptedStatements {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    JdbcAcceptedStatements(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Set<String> rememberUnlessConflicting(Map<String, String> fingerprints, Instant acceptedAt) {
        if (fingerprints.isEmpty()) {
            return Set.of();
        }
        return transactions.execute(status -> {
            SqlParameterSource[] rows = fingerprints.entrySet().stream()
                    .map(statement -> new MapSqlParameterSource()
                            .addValue("id", statement.getKey())
                            .addValue("fingerprint", statement.getValue())
                            .addValue("now", Timestamp.from(acceptedAt)))
                    .toArray(SqlParameterSource[]::new);
            jdbc.batchUpdate(
                    "insert into xapi_statement (statement_id, fingerprint, accepted_at)"
                            + " values (:id, :fingerprint, :now) on conflict do nothing",
                    rows);
            Set<String> conflicting = new HashSet<>();
            jdbc.query(
                    "select statement_id, fingerprint from xapi_statement where statement_id = any(:ids)",
                    Map.of("ids", VarcharArray.of(fingerprints.keySet())),
                    row -> {
                        String id = row.getString("statement_id");
                        if (!row.getString("fingerprint").equals(fingerprints.get(id))) {
                            conflicting.add(id);
                        }
                    });
            if (!conflicting.isEmpty()) {
                status.setRollbackOnly();
            }
            return conflicting;
        });
    }
}
