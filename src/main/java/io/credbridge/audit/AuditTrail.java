package io.credbridge.audit;

import io.credbridge.security.Actor;
import io.credbridge.security.Actors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Records admin actions on behalf of the current caller, once the action succeeded (a refused request changed
 * nothing and is not recorded), and lists them newest first.
 */
@Repository
public class AuditTrail {

    private final NamedParameterJdbcTemplate jdbc;
    private final Actors actors;
    private final Clock clock;

    AuditTrail(NamedParameterJdbcTemplate jdbc, Actors actors, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
    }

    /** The caller of the request being handled: the actor to name in what the action changes. */
    public Actor actor() {
        return actors.current();
    }

    /**
     * @param action what was done, {@code <area>.<verb>}, e.g. {@code award.revoke}
     * @param target what it was done to
     * @param reason why, in the caller's words, or null
     * @param outcome what it changed, or null
     */
    public AuditEntry record(String action, String target, String reason, String outcome) {
        Actor actor = actors.current();
        AuditEntry entry = new AuditEntry(
                UUID.randomUUID().toString(),
                clock.instant(),
                actor.name(),
                actor.scheme(),
                action,
                truncate(target, 1000),
                truncate(reason, 2000),
                truncate(outcome, 2000));
        jdbc.update(
                "insert into admin_audit (audit_id, occurred_at, actor, auth_scheme, action, target, reason, outcome)"
                        + " values (:id, :at, :actor, :scheme, :action, :target, :reason, :outcome)",
                new MapSqlParameterSource()
                        .addValue("id", entry.auditId())
                        .addValue("at", Timestamp.from(entry.occurredAt()))
                        .addValue("actor", entry.actor())
                        .addValue("scheme", entry.authScheme())
                        .addValue("action", entry.action())
                        .addValue("target", entry.target())
                        .addValue("reason", entry.reason())
                        .addValue("outcome", entry.outcome()));
        return entry;
    }

    /** Newest first; each filter left null matches everything. */
    public List<AuditEntry> list(AuditQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("actor", query.actor())
                .addValue("action", query.action())
                .addValue("target", query.target())
                .addValue("since", query.since() == null ? null : Timestamp.from(query.since()))
                .addValue("limit", query.limit());
        StringBuilder sql = new StringBuilder("select * from admin_audit where 1 = 1");
        if (query.actor() != null) {
            sql.append(" and actor = :actor");
        }
        if (query.action() != null) {
            sql.append(" and action = :action");
        }
        if (query.target() != null) {
            sql.append(" and target = :target");
        }
        if (query.since() != null) {
            sql.append(" and occurred_at >= :since");
        }
        sql.append(" order by occurred_at desc, seq desc limit :limit");
        return jdbc.query(sql.toString(), parameters, AuditTrail::toEntry);
    }

    /** What to list: the actor, action and target to match (null: any), from when (null: ever), at most how many. */
    public record AuditQuery(String actor, String action, String target, Instant since, int limit) {}

    private static AuditEntry toEntry(ResultSet row, int rowNumber) throws SQLException {
        return new AuditEntry(
                row.getString("audit_id"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("actor"),
                row.getString("auth_scheme"),
                row.getString("action"),
                row.getString("target"),
                row.getString("reason"),
                row.getString("outcome"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
