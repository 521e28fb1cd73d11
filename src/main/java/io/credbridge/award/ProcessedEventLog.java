package io.credbridge.award;

import io.credbridge.deadletter.ReprocessableEvents;
import io.credbridge.jdbc.VarcharArray;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The ids of every event the award stage has processed, written in the same transaction as the event's effects:
 * the consumer side of the outbox pattern, and what makes a redelivered event a no-op. An event that states a
 * learner fact is logged by that fact alone (one row per event, not two); the rest get a row here.
 */
@Repository
class ProcessedEventLog implements ReprocessableEvents {

    private final NamedParameterJdbcTemplate jdbc;

    public ProcessedEventLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The events among these that were processed before: logged here, or (for the events that state a learner
     * fact, nearly all of them) stored as a fact, which is the log entry of an applied event.
     */
    public Set<String> alreadyProcessed(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "select event_id from processed_event where event_id = any(:ids)"
                        + " union all select event_id from learner_fact where event_id = any(:ids)",
                Map.of("ids", VarcharArray.of(eventIds)),
                String.class));
    }

    /** The events among these with an entry of their own in the log (dead-lettered, voided, or without a fact). */
    public Set<String> logged(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "select event_id from processed_event where event_id = any(:ids)",
                Map.of("ids", VarcharArray.of(eventIds)),
                String.class));
    }

    public void record(List<ProcessedEvent> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = events.stream()
                .map(event -> new MapSqlParameterSource()
                        .addValue("id", event.eventId())
                        .addValue("outcome", event.outcome().name())
                        .addValue("now", Timestamp.from(now)))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(
                "insert into processed_event (event_id, outcome, processed_at) values (:id, :outcome, :now)", rows);
    }

    @Override
    public void reopenDeadLettered(String eventId) {
        jdbc.update(
                "delete from processed_event where event_id = :id and outcome = 'DEAD_LETTERED'",
                Map.of("id", eventId));
    }

    public record ProcessedEvent(String eventId, Outcome outcome) {}

    public enum Outcome {
        ACCEPTED,
        DEAD_LETTERED,
        /** Withdrawn by its source before it arrived: when it comes, it is skipped like a duplicate. */
        VOIDED
    }
}
