package io.credbridge.award;

import io.credbridge.jdbc.VarcharArray;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
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
        Map<String, LearnerProgress> learners = new HashMap<>();
        learnerIds.forEach(id -> learners.put(id, new LearnerProgress(id)));
        if (learners.isEmpty()) {
            return learners;
        }
        Map<String, Object> ids = Map.of("ids", VarcharArray.of(learners.keySet()));
        jdbc.query(
                "select learner_id, event_id, activity_id, kind, attempt_id, occurred_at, score_raw, score_scaled,"
                        + " passed from learner_fact where learner_id = any(:ids)",
                ids,
                row -> {
                    learners.get(row.getString("learner_id"))
                            .record(new LearnerFact(
                                    row.getString("learner_id"),
                                    row.getString("event_id"),
                                    row.getString("activity_id"),
                                    LearnerFact.Kind.valueOf(row.getString("kind")),
                                    row.getString("attempt_id"),
                                    row.getTimestamp("occurred_at").toInstant(),
                                    row.getObject("score_raw", Double.class),
                                    row.getObject("score_scaled", Double.class),
                                    row.getObject("passed", Boolean.class)));
                });
        Map<String, HeldRow> held = new LinkedHashMap<>();
        jdbc.query(
                "select a.award_id, a.learner_id, a.credential_id, a.earned_at, a.expires_at, a.basis, a.sis_person_id,"
                        + " e.event_id"
                        + " from award a"
                        + " left join award_evidence e on e.award_id = a.award_id"
                        + " where a.status = 'ACTIVE' and a.learner_id = any(:ids) order by a.award_id, e.ordinal",
                ids,
                row -> {
                    HeldRow award = held.get(row.getString("award_id"));
                    if (award == null) {
                        award = new HeldRow(
                                row.getString("award_id"),
                                row.getString("learner_id"),
                                row.getString("credential_id"),
                                row.getTimestamp("earned_at").toInstant(),
                                instant(row.getTimestamp("expires_at")),
                                "EARNED".equals(row.getString("basis")),
                                new ArrayList<>());
                        held.put(row.getString("award_id"), award);
                        // What the identity mapping said when the award was made, for awards made without an event.
                        learners.get(row.getString("learner_id")).knowSisPersonId(row.getString("sis_person_id"));
                    }
                    if (row.getString("event_id") != null) {
                        award.eventIds().add(row.getString("event_id"));
                    }
                });
        held.values()
                .forEach(award -> learners.get(award.learnerId())
                        .hold(
                                award.credentialId(),
                                new HeldAward(
                                        award.awardId(),
                                        new Evidence(award.eventIds(), award.earnedAt()),
                                        award.expiresAt(),
                                        award.earned())));
        return learners;
    }

    /**
     * Bound by position rather than by name: the hot path of the award stage, where building a named parameter
     * map per row cost more than PostgreSQL took to insert it.
     */
    public void recordFacts(Collection<LearnerFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate()
                .batchUpdate(
                        "insert into learner_fact (learner_id, event_id, activity_id, kind, attempt_id, occurred_at,"
                                + " score_raw, score_scaled, passed) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        facts,
                        facts.size(),
                        (row, fact) -> {
                            row.setString(1, fact.learnerId());
                            row.setString(2, fact.eventId());
                            row.setString(3, fact.activityId());
                            row.setString(4, fact.kind().name());
                            row.setObject(5, fact.attemptId(), Types.VARCHAR);
                            row.setTimestamp(6, Timestamp.from(fact.occurredAt()));
                            row.setObject(7, fact.rawScore(), Types.DOUBLE);
                            row.setObject(8, fact.scaledScore(), Types.DOUBLE);
                            row.setObject(9, fact.passed(), Types.BOOLEAN);
                        });
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

    /** Bound by position, as {@link #recordFacts} is. */
    public void recordAwards(List<Award> awards) {
        if (awards.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate()
                .batchUpdate(
                        "insert into award (award_id, learner_id, credential_id, credential_version, status,"
                                + " active_key, awarded_at, earned_at, expires_at, sis_person_id)"
                                + " values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)",
                        awards,
                        awards.size(),
                        (row, award) -> {
                            row.setString(1, award.awardId());
                            row.setString(2, award.learnerId());
                            row.setString(3, award.credential().id());
                            row.setInt(4, award.credential().version());
                            row.setString(
                                    5,
                                    award.learnerId() + "|" + award.credential().id());
                            row.setTimestamp(6, Timestamp.from(award.awardedAt()));
                            row.setTimestamp(7, Timestamp.from(award.earnedAt()));
                            row.setObject(
                                    8, award.expiresAt().map(Timestamp::from).orElse(null), Types.TIMESTAMP);
                            row.setObject(9, award.sisPersonId(), Types.VARCHAR);
                        });
        List<EvidenceRow> evidence = new ArrayList<>();
        for (Award award : awards) {
            for (int i = 0; i < award.evidenceEventIds().size(); i++) {
                evidence.add(new EvidenceRow(
                        award.awardId(), award.evidenceEventIds().get(i), i));
            }
        }
        jdbc.getJdbcTemplate()
                .batchUpdate(
                        "insert into award_evidence (award_id, event_id, ordinal) values (?, ?, ?)",
                        evidence,
                        evidence.size(),
                        (row, each) -> {
                            row.setString(1, each.awardId());
                            row.setString(2, each.eventId());
                            row.setInt(3, each.ordinal());
                        });
    }

    private record EvidenceRow(String awardId, String eventId, int ordinal) {}

    /** A learner's awards, newest first, with their evidence and how each ended. */
    public List<AwardRecord> awardsOf(String learnerId) {
        return awards("learner_id = :learner", Map.of("learner", learnerId));
    }

    private List<AwardRecord> awards(String condition, Map<String, Object> parameters) {
        Map<String, AwardRecord> awards = new LinkedHashMap<>();
        jdbc.query(
                "select award_id, learner_id, credential_id, credential_version, status, awarded_at, earned_at,"
                        + " expires_at, ended_at, end_reason, ended_by, basis, granted_by, grant_reason, sis_person_id"
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
                                    new ArrayList<>(),
                                    instant(row.getTimestamp("expires_at")),
                                    instant(row.getTimestamp("ended_at")),
                                    row.getString("end_reason"),
                                    row.getString("ended_by"),
                                    row.getString("basis"),
                                    row.getString("granted_by"),
                                    row.getString("grant_reason"),
                                    row.getString("sis_person_id")));
                });
        if (!awards.isEmpty()) {
            jdbc.query(
                    "select award_id, event_id from award_evidence where award_id in (:ids) order by ordinal",
                    new MapSqlParameterSource("ids", awards.keySet()),
                    row -> {
                        awards.get(row.getString("award_id")).evidenceEventIds().add(row.getString("event_id"));
                    });
        }
        return List.copyOf(awards.values());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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

    /** One active award as the query returns it, its evidence gathered row by row. */
    private record HeldRow(
            String awardId,
            String learnerId,
            String credentialId,
            Instant earnedAt,
            Instant expiresAt,
            boolean earned,
            List<String> eventIds) {}
}
