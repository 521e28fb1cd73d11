package io.credbridge.outbox;

import static io.credbridge.jdbc.BulkInsert.ColumnType.INTEGER;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TEXT;
import static io.credbridge.jdbc.BulkInsert.ColumnType.TIMESTAMP;

import io.credbridge.jdbc.BulkInsert;
import io.credbridge.jdbc.VarcharArray;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Claiming locks rows (skipping locked ones) and leases them, so several CredBridge instances share
 * the work without any of them holding a transaction open while it delivers.
 */
@Repository
public class OutboxStore {

    private static final String COLUMNS =
            "event_id, destination, aggregate_type, aggregate_id, event_type, payload, created_at, attempts";

    private final NamedParameterJdbcTemplate jdbc;

    public OutboxStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final BulkInsert<OutboxEvent> ROWS = BulkInsert.<OutboxEvent>into("outbox_event")
            .column("event_id", TEXT, OutboxEvent::eventId)
            .column("destination", TEXT, event -> event.destination().name())
            .column("aggregate_type", TEXT, OutboxEvent::aggregateType)
            .column("aggregate_id", TEXT, OutboxEvent::aggregateId)
            .column("event_type", TEXT, OutboxEvent::eventType)
            .column("payload", TEXT, OutboxEvent::payload)
            .column("created_at", TIMESTAMP, OutboxEvent::createdAt)
            .column("attempts", INTEGER, event -> 0)
            .column("status", TEXT, event -> "PENDING")
            .column("next_attempt_at", TIMESTAMP, OutboxEvent::createdAt)
            .build();

    /** In bulk, in the order given (which {@code seq} keeps): the award stage appends two rows per award. */
    public void append(List<OutboxEvent> events) {
        ROWS.insert(jdbc.getJdbcTemplate(), events);
    }

    /**
     * Appends later changes of aggregates (a REVOKED after its ISSUED): an event whose aggregate still has an
     * earlier event pending or waiting for the same destination waits (status WAITING, never claimed) until
     * {@link #releaseReady} finds its predecessors delivered or given up. Each destination so receives one award's
     * changes in the order they happened, also across retries and relay instances. Call it inside the transaction
     * that makes the change: the rows are inserted pending and then marked waiting, which no relay may see between.
     */
    public void appendInOrder(List<OutboxEvent> events) {
        append(events);
        if (events.isEmpty()) {
            return;
        }
        jdbc.update(
                "update outbox_event set status = 'WAITING' where event_id = any(:ids) and exists (select 1 from"
                        + " outbox_event earlier where earlier.destination = outbox_event.destination"
                        + " and earlier.aggregate_id = outbox_event.aggregate_id and earlier.seq < outbox_event.seq"
                        + " and earlier.status in ('PENDING', 'WAITING'))",
                Map.of(
                        "ids",
                        VarcharArray.of(
                                events.stream().map(OutboxEvent::eventId).toList())));
    }

    /**
     * Makes each waiting event whose predecessors have all been delivered or given up pending, due now. Cheap
     * when nothing waits, which is nearly always.
     */
    public int releaseReady(Destination destination, Instant now) {
        Map<String, Object> params = Map.of("destination", destination.name(), "now", Timestamp.from(now));
        // Ordered as outbox_event_due is, so that any plan reads one entry of that index. Asked as a bare exists,
        // a generic plan made while the table was empty read every row of the destination through
        // outbox_event_by_aggregate on each poll (AwardStageBenchmark at 10 definitions: 1,171 events/s, 1,845 with
        // this). Forcing custom plans for the whole pool fixed it too, but cost the award stage more than it gained.
        List<Long> waiting = jdbc.queryForList(
                "select seq from outbox_event where destination = :destination and status = 'WAITING'"
                        + " order by destination, status, seq limit 1",
                params,
                Long.class);
        if (waiting.isEmpty()) {
            return 0;
        }
        return jdbc.update(
                "update outbox_event set status = 'PENDING', next_attempt_at = :now where destination = :destination"
                        + " and status = 'WAITING' and not exists (select 1 from outbox_event earlier"
                        + " where earlier.destination = outbox_event.destination"
                        + " and earlier.aggregate_id = outbox_event.aggregate_id and earlier.seq < outbox_event.seq"
                        + " and earlier.status in ('PENDING', 'WAITING'))",
                params);
    }

    /**
     * Locks up to {@code limit} due pending events of one destination, oldest first. The limit sits in a subquery
     * because H2 would otherwise lock every matching row; PostgreSQL is indifferent.
     */
    public List<OutboxEvent> claimDue(Destination destination, int limit, Instant now) {
        return jdbc.query(
                "select " + COLUMNS + " from outbox_event where seq in (select seq from outbox_event"
                        + " where destination = :destination and status = 'PENDING' and next_attempt_at <= :now"
                        + " order by seq limit :limit) order by seq for update skip locked",
                Map.of("destination", destination.name(), "now", Timestamp.from(now), "limit", limit),
                OutboxStore::toEvent);
    }

    /**
     * Leases claimed events to the relay delivering them: they are due again only when the lease runs out, so no
     * other relay takes them meanwhile, while no transaction (and no row lock) is held during the delivery.
     */
    public void lease(Collection<String> eventIds, Instant until) {
        update(
                "update outbox_event set next_attempt_at = :until where event_id = any(:ids) and status = 'PENDING'",
                eventIds,
                Map.of("until", Timestamp.from(until)));
    }

    /**
     * Removes delivered events. The outbox holds only what is still to deliver (or was given up): a delivered row
     * has no reader left, and deleting it touches no index, where marking it rewrote the row and all four of its
     * indexes (AwardStageBenchmark: the relays' marking was the costliest statement of a run).
     */
    public void removeDelivered(Collection<String> eventIds) {
        update("delete from outbox_event where event_id = any(:ids)", eventIds, Map.of());
    }

    public void scheduleRetry(Collection<String> eventIds, String error, Instant nextAttemptAt) {
        update(
                "update outbox_event set attempts = attempts + 1, last_error = :error, next_attempt_at = :next"
                        + " where event_id = any(:ids)",
                eventIds,
                Map.of("error", truncate(error), "next", Timestamp.from(nextAttemptAt)));
    }

    public void markFailed(Collection<String> eventIds, String error) {
        update(
                "update outbox_event set status = 'FAILED', attempts = attempts + 1, last_error = :error"
                        + " where event_id = any(:ids)",
                eventIds,
                Map.of("error", truncate(error)));
    }

    /** Puts a failed event back in line, as its first attempt; false when there is no failed event with that id. */
    public boolean resubmit(String eventId, Instant now) {
        return jdbc.update(
                        "update outbox_event set status = 'PENDING', attempts = 0, next_attempt_at = :now,"
                                + " last_error = null where event_id = :id and status = 'FAILED'",
                        Map.of("id", eventId, "now", Timestamp.from(now)))
                == 1;
    }

    /** Of these aggregates (award ids), those with an event for the destination not delivered yet (or given up). */
    public Set<String> undelivered(Destination destination, Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList(
                "select distinct aggregate_id from outbox_event where destination = :destination"
                        + " and aggregate_id = any(:ids)",
                new MapSqlParameterSource()
                        .addValue("destination", destination.name())
                        .addValue("ids", VarcharArray.of(aggregateIds)),
                String.class));
    }

    /**
     * What waits for a destination (pending or held behind an earlier change of the same award): how many events,
     * and when the oldest was written; null when none waits.
     */
    public Backlog backlog(Destination destination) {
        return jdbc.queryForObject(
                "select count(*), min(created_at) from outbox_event where destination = :destination"
                        + " and status in ('PENDING', 'WAITING')",
                Map.of("destination", destination.name()),
                (row, index) -> new Backlog(
                        row.getLong(1),
                        row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant()));
    }

    /** @param oldest when the oldest waiting event was written, or null when none waits */
    public record Backlog(long events, Instant oldest) {}

    public long countByStatus(Destination destination, String status) {
        Long count = jdbc.queryForObject(
                "select count(*) from outbox_event where destination = :destination and status = :status",
                Map.of("destination", destination.name(), "status", status),
                Long.class);
        return count == null ? 0 : count;
    }

    private void update(String sql, Collection<String> eventIds, Map<String, Object> values) {
        if (eventIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource(values).addValue("ids", VarcharArray.of(eventIds));
        jdbc.update(sql, parameters);
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static OutboxEvent toEvent(ResultSet row, int index) throws SQLException {
        return new OutboxEvent(
                row.getString("event_id"),
                Destination.valueOf(row.getString("destination")),
                row.getString("aggregate_type"),
                row.getString("aggregate_id"),
                row.getString("event_type"),
                row.getString("payload"),
                row.getTimestamp("created_at").toInstant(),
                row.getInt("attempts"));
    }
}
