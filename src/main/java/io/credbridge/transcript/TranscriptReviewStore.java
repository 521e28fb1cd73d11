package io.credbridge.transcript;

import io.credbridge.jdbc.VarcharArray;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The review queue's tables: the entries and, for each, the log of what happened to it. */
@Repository
class TranscriptReviewStore {

    private static final String COLUMNS = "entry_id, entry_key, award_id, award_action, learner_id, credential_id,"
            + " status, payload, sis_message, note, decided_by, decided_at, created_at, updated_at";

    private final NamedParameterJdbcTemplate jdbc;

    TranscriptReviewStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ReviewedEntry entry) {
        jdbc.update(
                "insert into transcript_review (" + COLUMNS + ") values (:id, :key, :award, :action, :learner,"
                        + " :credential, :status, :payload, :sisMessage, :note, null, null, :at, :at)",
                new MapSqlParameterSource()
                        .addValue("id", entry.entryId())
                        .addValue("key", entry.entryKey())
                        .addValue("award", entry.awardId())
                        .addValue("action", entry.action().name())
                        .addValue("learner", entry.learnerId())
                        .addValue("credential", entry.credentialId())
                        .addValue("status", entry.status().name())
                        .addValue("payload", entry.payload())
                        .addValue("sisMessage", truncate(entry.sisMessage()))
                        .addValue("note", truncate(entry.note()))
                        .addValue("at", Timestamp.from(entry.createdAt())));
        log(entry.entryId(), entry.status(), null, entry.note(), entry.createdAt());
    }

    Optional<ReviewedEntry> find(String entryId) {
        return findOne("entry_id", entryId);
    }

    Optional<ReviewedEntry> findByKey(String entryKey) {
        return findOne("entry_key", entryKey);
    }

    /** @param column a unique column, named by this class (never from input) */
    private Optional<ReviewedEntry> findOne(String column, String value) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from transcript_review where " + column + " = :value",
                        Map.of("value", value),
                        TranscriptReviewStore::toEntry)
                .stream()
                .findFirst();
    }

    /** The queue's entries with these keys, by key. */
    Map<String, ReviewedEntry> findByKeys(Collection<String> entryKeys) {
        Map<String, ReviewedEntry> found = new java.util.HashMap<>();
        if (entryKeys.isEmpty()) {
            return found;
        }
        jdbc.query(
                        "select " + COLUMNS + " from transcript_review where entry_key = any(:keys)",
                        Map.of("keys", VarcharArray.of(entryKeys)),
                        TranscriptReviewStore::toEntry)
                .forEach(entry -> found.put(entry.entryKey(), entry));
        return found;
    }

    /** Oldest first; every status when {@code status} is null. */
    List<ReviewedEntry> list(ReviewStatus status, int limit) {
        String where = status == null ? "" : " where status = :status";
        return jdbc.query(
                "select " + COLUMNS + " from transcript_review" + where + " order by created_at, entry_id"
                        + " limit :limit",
                new MapSqlParameterSource()
                        .addValue("status", status == null ? null : status.name())
                        .addValue("limit", limit),
                TranscriptReviewStore::toEntry);
    }

    List<ReviewedEntry.Step> history(String entryId) {
        return jdbc.query(
                "select status, actor, note, logged_at from transcript_review_log where entry_id = :id order by seq",
                Map.of("id", entryId),
                (row, index) -> new ReviewedEntry.Step(
                        ReviewStatus.valueOf(row.getString("status")),
                        row.getString("actor"),
                        row.getString("note"),
                        row.getTimestamp("logged_at").toInstant()));
    }

    /** Of these awards, those with an entry waiting for the registrar (pending review or failed). */
    Set<String> awardsAwaitingRegistrar(Collection<String> awardIds) {
        if (awardIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList(
                "select award_id from transcript_review where award_id = any(:ids)"
                        + " and status in ('PENDING_REVIEW', 'FAILED')",
                Map.of("ids", VarcharArray.of(awardIds)),
                String.class));
    }

    /**
     * Moves an entry from one of {@code from} to {@code to}, recording who and why; false when it is in none of
     * them (decided meanwhile by someone else), so two registrars cannot both act on it.
     */
    boolean decide(String entryId, Set<ReviewStatus> from, ReviewStatus to, String actor, String note, Instant at) {
        int changed = jdbc.update(
                "update transcript_review set status = :to, decided_by = :actor, decided_at = :at, note = :note,"
                        + " updated_at = :at where entry_id = :id and status = any(:from)",
                new MapSqlParameterSource()
                        .addValue("to", to.name())
                        .addValue("actor", actor)
                        .addValue("at", Timestamp.from(at))
                        .addValue("note", truncate(note))
                        .addValue("id", entryId)
                        .addValue(
                                "from",
                                VarcharArray.of(
                                        from.stream().map(ReviewStatus::name).toList())));
        if (changed == 1) {
            log(entryId, to, actor, note, at);
        }
        return changed == 1;
    }

    /** The SIS refused the entry again; its message replaces the last one. */
    void refusedAgain(String entryId, String sisMessage, String note, Instant at) {
        jdbc.update(
                "update transcript_review set status = 'FAILED', sis_message = :sisMessage, note = :note,"
                        + " updated_at = :at where entry_id = :id",
                new MapSqlParameterSource()
                        .addValue("sisMessage", truncate(sisMessage))
                        .addValue("note", truncate(note))
                        .addValue("at", Timestamp.from(at))
                        .addValue("id", entryId));
        log(entryId, ReviewStatus.FAILED, null, note, at);
    }

    /** Marks the approved entries with these keys written. */
    void written(Collection<String> entryKeys, Instant at) {
        if (entryKeys.isEmpty()) {
            return;
        }
        List<String> ids = jdbc.queryForList(
                "select entry_id from transcript_review where entry_key = any(:keys) and status = 'APPROVED'",
                Map.of("keys", VarcharArray.of(entryKeys)),
                String.class);
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(
                "update transcript_review set status = 'WRITTEN', updated_at = :at where entry_id = any(:ids)",
                new MapSqlParameterSource().addValue("at", Timestamp.from(at)).addValue("ids", VarcharArray.of(ids)));
        ids.forEach(id -> log(id, ReviewStatus.WRITTEN, null, null, at));
    }

    long count(ReviewStatus status) {
        Long count = jdbc.queryForObject(
                "select count(*) from transcript_review where status = :status",
                Map.of("status", status.name()),
                Long.class);
        return count == null ? 0 : count;
    }

    private void log(String entryId, ReviewStatus status, String actor, String note, Instant at) {
        jdbc.update(
                "insert into transcript_review_log (entry_id, status, actor, note, logged_at)"
                        + " values (:id, :status, :actor, :note, :at)",
                new MapSqlParameterSource()
                        .addValue("id", entryId)
                        .addValue("status", status.name())
                        .addValue("actor", actor)
                        .addValue("note", truncate(note))
                        .addValue("at", Timestamp.from(at)));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static ReviewedEntry toEntry(ResultSet row, int index) throws SQLException {
        Timestamp decidedAt = row.getTimestamp("decided_at");
        return new ReviewedEntry(
                row.getString("entry_id"),
                row.getString("entry_key"),
                row.getString("award_id"),
                TranscriptEntry.Action.valueOf(row.getString("award_action")),
                row.getString("learner_id"),
                row.getString("credential_id"),
                ReviewStatus.valueOf(row.getString("status")),
                row.getString("payload"),
                row.getString("sis_message"),
                row.getString("note"),
                row.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
