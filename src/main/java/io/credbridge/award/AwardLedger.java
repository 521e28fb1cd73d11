package io.credbridge.award;

import static io.credbridge.jdbc.BulkInsert.ColumnType.BOOLEAN;
import static io.credbridge.jdbc.BulkInsert.ColumnType.DOUBLE;
import static io.credbridge.jdbc.BulkInsert.ColumnType.INTEGER;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TEXT;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TEXT_ARRAY;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TIMESTAMP;

import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.ScoreScale;
import io.credbridge.jdbc.BulkInsert;
import io.credbridge.jdbc.VarcharArray;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Learners' facts (what they did on each activity) and their awards. At most one active award per learner and credential is
 * enforced by the database too (a unique key that is set only while the award is active).
 */
@Repository
class AwardLedger {

    private final NamedParameterJdbcTemplate jdbc;

    public AwardLedger(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current progress of each learner; a learner with none gets an empty record. */
    public Map<String, LearnerProgress> progressOf(Collection<String> learnerIds) {
        return progressOf(learnerIds, null);
    }

    /**
     * The current progress of each learner, with only their facts on these activities (null: on every activity),
     * and all their active awards.
     */
    public Map<String, LearnerProgress> progressOf(Collection<String> learnerIds, Collection<String> activities) {
        Map<String, LearnerProgress> learners = new HashMap<>();
        learnerIds.forEach(id -> learners.put(id, new LearnerProgress(id)));
        if (learners.isEmpty()) {
            return learners;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", VarcharArray.of(learners.keySet()));
        String onActivities = "";
        if (activities != null) {
            onActivities = " and activity_id = any(:activities)";
            ids.addValue("activities", VarcharArray.of(activities));
        }
        jdbc.query(
                "select learner_id, event_id, activity_id, kind, attempt_id, occurred_at, score_raw, score_scaled,"
                        + " passed, source from learner_fact where learner_id = any(:ids)" + onActivities,
                ids,
                row -> {
                    String learnerId = row.getString(1);
                    learners.get(learnerId)
                            .record(new LearnerFact(
                                    learnerId,
                                    row.getString(2),
                                    row.getString(3),
                                    LearnerFact.Kind.valueOf(row.getString(4)),
                                    row.getString(5),
                                    instant(row, 6),
                                    row.getObject(7, Double.class),
                                    row.getObject(8, Double.class),
                                    row.getObject(9, Boolean.class),
                                    row.getString(10)));
                });
        // Read by column position: this runs for every learner of every batch.
        jdbc.query(
                "select award_id, learner_id, credential_id, earned_at, expires_at, basis, sis_person_id,"
                        + " evidence_event_ids from award where status = 'ACTIVE' and learner_id = any(:ids)"
                        + " order by award_id",
                ids,
                row -> {
                    LearnerProgress learner = learners.get(row.getString(2));
                    Instant earnedAt = instant(row, 4);
                    // What the identity mapping said when the award was made, for awards made without an event.
                    learner.knowSisPersonId(row.getString(7));
                    learner.hold(
                            row.getString(3),
                            new HeldAward(
                                    row.getString(1),
                                    new Evidence(eventIds(row.getArray(8)), earnedAt),
                                    instant(row, 5),
                                    "EARNED".equals(row.getString(6))));
                });
        return learners;
    }

    private static final BulkInsert<LearnerFact> FACTS = BulkInsert.<LearnerFact>into("learner_fact")
            .column("learner_id", TEXT, LearnerFact::learnerId)
            .column("event_id", TEXT, LearnerFact::eventId)
            .column("activity_id", TEXT, LearnerFact::activityId)
            .column("kind", TEXT, fact -> fact.kind().name())
            .column("attempt_id", TEXT, LearnerFact::attemptId)
            .column("occurred_at", TIMESTAMP, LearnerFact::occurredAt)
            .column("score_raw", DOUBLE, LearnerFact::rawScore)
            .column("score_scaled", DOUBLE, LearnerFact::scaledScore)
            .column("passed", BOOLEAN, LearnerFact::passed)
            .column("source", TEXT, LearnerFact::source)
            .build();

    private static final BulkInsert<Award> AWARDS = BulkInsert.<Award>into("award")
            .column("award_id", TEXT, Award::awardId)
            .column("learner_id", TEXT, Award::learnerId)
            .column("credential_id", TEXT, award -> award.credential().id())
            .column("credential_version", INTEGER, award -> award.credential().version())
            .column("status", TEXT, award -> "ACTIVE")
            .column(
                    "active_key",
                    TEXT,
                    award -> award.learnerId() + "|" + award.credential().id())
            .column("awarded_at", TIMESTAMP, Award::awardedAt)
            .column("earned_at", TIMESTAMP, Award::earnedAt)
            .column("expires_at", TIMESTAMP, award -> award.expiresAt().orElse(null))
            .column("sis_person_id", TEXT, Award::sisPersonId)
            .column("evidence_event_ids", TEXT_ARRAY, Award::evidenceEventIds)
            .column(
                    "grade_achieved",
                    DOUBLE,
                    award -> grade(award).map(GradeAchieved::value).orElse(null))
            .column(
                    "grade_scale",
                    TEXT,
                    award -> grade(award).map(grade -> grade.scale().code()).orElse(null))
            .column(
                    "grade_assessment",
                    TEXT,
                    award -> grade(award).map(GradeAchieved::assessment).orElse(null))
            .column(
                    "grade_attempt",
                    TEXT,
                    award -> grade(award).map(grade -> grade.attempt().code()).orElse(null))
            .build();

    private static Optional<GradeAchieved> grade(Award award) {
        return Optional.ofNullable(award.gradeAchieved());
    }

    /** In bulk: the award stage writes a fact for nearly every event. */
    public void recordFacts(Collection<LearnerFact> facts) {
        FACTS.insert(jdbc.getJdbcTemplate(), facts);
    }

    /** The learner each of these events stated a fact about, by event id; events without a fact are left out. */
    public Map<String, String> factOwners(Collection<String> eventIds) {
        Map<String, String> owners = new HashMap<>();
        if (!eventIds.isEmpty()) {
            jdbc.query(
                    "select event_id, learner_id from learner_fact where event_id = any(:ids)",
                    Map.of("ids", VarcharArray.of(eventIds)),
                    row -> {
                        owners.put(row.getString("event_id"), row.getString("learner_id"));
                    });
        }
        return owners;
    }

    /** The learners with a fact on the activity (for a course mapping: whose completions it makes count). */
    public List<String> learnersWithFactsOn(String activityId) {
        return jdbc.queryForList(
                "select distinct learner_id from learner_fact where activity_id = :activity order by learner_id",
                Map.of("activity", activityId),
                String.class);
    }

    /** Withdraws the facts of events their source voided. */
    public void forgetFacts(Collection<String> eventIds) {
        if (!eventIds.isEmpty()) {
            jdbc.update(
                    "delete from learner_fact where event_id = any(:ids)", Map.of("ids", VarcharArray.of(eventIds)));
        }
    }

    /** In bulk, as {@link #recordFacts} is. */
    public void recordAwards(List<Award> awards) {
        AWARDS.insert(jdbc.getJdbcTemplate(), awards);
    }

    /** The events of an award's evidence, in order; none for an award granted without events. */
    private static List<String> eventIds(Array evidence) throws SQLException {
        if (evidence == null) {
            return new ArrayList<>();
        }
        List<String> eventIds = new ArrayList<>();
        for (Object eventId : (Object[]) evidence.getArray()) {
            eventIds.add((String) eventId);
        }
        return eventIds;
    }

    /** A learner's awards, newest first, with their evidence and how each ended. */
    public List<AwardRecord> awardsOf(String learnerId) {
        return awards("learner_id = :learner", Map.of("learner", learnerId));
    }

    /** Every award of every learner, in any status: what reconciliation compares with the SIS. */
    public List<AwardRecord> everyAward() {
        return awards("award_id is not null", Map.of());
    }

    private List<AwardRecord> awards(String condition, Map<String, Object> parameters) {
        Map<String, AwardRecord> awards = new LinkedHashMap<>();
        jdbc.query(
                "select award_id, learner_id, credential_id, credential_version, status, awarded_at, earned_at,"
                        + " expires_at, ended_at, end_reason, ended_by, basis, granted_by, grant_reason, sis_person_id,"
                        + " evidence_event_ids, grade_achieved, grade_scale, grade_assessment, grade_attempt"
                        + " from award where "
                        + condition
                        + " order by awarded_at desc, award_id",
                parameters,
                row -> {
                    awards.put(
                            row.getString("award_id"),
                            new AwardRecord(
                                    row.getString("award_id"),
                                    row.getString("learner_id"),
                                    row.getString("credential_id"),
                                    row.getInt("credential_version"),
                                    row.getString("status"),
                                    row.getTimestamp("awarded_at").toInstant(),
                                    row.getTimestamp("earned_at").toInstant(),
                                    eventIds(row.getArray("evidence_event_ids")),
                                    instant(row.getTimestamp("expires_at")),
                                    instant(row.getTimestamp("ended_at")),
                                    row.getString("end_reason"),
                                    row.getString("ended_by"),
                                    row.getString("basis"),
                                    row.getString("granted_by"),
                                    row.getString("grant_reason"),
                                    row.getString("sis_person_id"),
                                    gradeOf(row)));
                });
        return List.copyOf(awards.values());
    }

    /** The grade columns as one grade, or null for an award without one (and one made before grades were kept). */
    private static GradeAchieved gradeOf(ResultSet row) throws SQLException {
        Double value = row.getObject("grade_achieved", Double.class);
        if (value == null) {
            return null;
        }
        return new GradeAchieved(
                value,
                ScoreScale.of(row.getString("grade_scale")),
                row.getString("grade_assessment"),
                AttemptRule.of(row.getString("grade_attempt")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The column's instant, or null. Read as an offset date-time, not a {@code Timestamp}: the driver builds a
     * {@code Timestamp} through a calendar of the JVM's zone, and every batch reads every fact of its learners.
     */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** Active awards whose validity has ended by {@code now}, the longest overdue first. */
    public List<String> dueToExpire(Instant now, int limit) {
        return jdbc.queryForList(
                "select award_id from award where status = 'ACTIVE' and expires_at <= :now"
                        + " order by expires_at, award_id limit :limit",
                new MapSqlParameterSource().addValue("now", Timestamp.from(now)).addValue("limit", limit),
                String.class);
    }

    /** Marks an award recorded in this transaction as granted rather than earned: on what basis, by whom, why. */
    public void recordGrant(String awardId, String basis, String actor, String reason) {
        jdbc.update(
                "update award set basis = :basis, granted_by = :actor, grant_reason = :reason where award_id = :award",
                new MapSqlParameterSource()
                        .addValue("basis", basis)
                        .addValue("actor", actor)
                        .addValue("reason", reason)
                        .addValue("award", awardId));
    }

    /**
     * The learners a draft definition could concern: those with facts on one of its activities or an active award
     * of a credential it stacks on. Everyone else meets none of its criteria.
     */
    public List<String> learnersWithAnyOf(Collection<String> activityIds, Collection<String> credentialIds) {
        return jdbc.queryForList(
                "select learner_id from learner_fact where activity_id = any(:activities)"
                        + " union select learner_id from award where status = 'ACTIVE' and credential_id = any(:held)"
                        + " order by learner_id",
                new MapSqlParameterSource()
                        .addValue("activities", VarcharArray.of(activityIds))
                        .addValue("held", VarcharArray.of(credentialIds)),
                String.class);
    }

    /** One award, if it exists. */
    public Optional<AwardRecord> find(String awardId) {
        List<AwardRecord> found = awards("award_id = :award", Map.of("award", awardId));
        return found.stream().findFirst();
    }

    /**
     * Ends an active award: REVOKED or EXPIRED, when, why and by whom. Returns false when the award is not active
     * (ended already, or by a concurrent request), so an award ends once.
     */
    public boolean end(String awardId, String status, String reason, String actor, Instant at) {
        return jdbc.update(
                        "update award set status = :status, active_key = null, ended_at = :at, end_reason = :reason,"
                                + " ended_by = :actor where award_id = :award and status = 'ACTIVE'",
                        new MapSqlParameterSource()
                                .addValue("status", status)
                                .addValue("at", Timestamp.from(at))
                                .addValue("reason", reason)
                                .addValue("actor", actor)
                                .addValue("award", awardId))
                == 1;
    }

    /**
     * Suspends an active award that is not suspended. Returns false otherwise (ended, suspended already, or just now
     * by a concurrent request), so a suspension is recorded once.
     */
    public boolean suspend(String awardId, String reason, Instant at) {
        return jdbc.update(
                        "update award set suspended_at = :at, suspension_reason = :reason"
                                + " where award_id = :award and status = 'ACTIVE' and suspended_at is null",
                        new MapSqlParameterSource()
                                .addValue("at", Timestamp.from(at))
                                .addValue("reason", reason)
                                .addValue("award", awardId))
                == 1;
    }

    /** Ends an award's suspension; false when it was not suspended (or was reinstated by a concurrent request). */
    public boolean reinstate(String awardId) {
        return jdbc.update(
                        "update award set suspended_at = null, suspension_reason = null"
                                + " where award_id = :award and suspended_at is not null",
                        Map.of("award", awardId))
                == 1;
    }
}
