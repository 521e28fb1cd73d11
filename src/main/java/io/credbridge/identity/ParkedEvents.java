package io.credbridge.identity;

import io.credbridge.jdbc.AfterCommit;
import io.credbridge.jdbc.VarcharArray;
import io.credbridge.ops.CredBridgeMetrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Events waiting for their learner's SIS person id, with the identifiers a new mapping finds them by. */
@Repository
public class ParkedEvents {

    private static final String COLUMNS = "event_id, source, origin_topic, origin_partition, origin_offset,"
            + " origin_key, payload, reason, parked_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final CredBridgeMetrics metrics;

    public ParkedEvents(NamedParameterJdbcTemplate jdbc, CredBridgeMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /**
     * Parks the events in the caller's transaction. An event parked already stays as it was, so a redelivered
     * record parks once. Identifiers longer than a mapping can hold are not kept: no mapping can ever match them.
     */
    public void park(List<ParkedEvent> events) {
        Map<String, ParkedEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event));
        if (byId.isEmpty()) {
            return;
        }
        Set<String> parkedBefore = parked(byId.keySet());
        List<ParkedEvent> fresh = byId.values().stream()
                .filter(event -> !parkedBefore.contains(event.eventId()))
                .toList();
        if (fresh.isEmpty()) {
            return;
        }
        // "on conflict do nothing" still covers two transactions parking the same event at once.
        jdbc.batchUpdate(
                "insert into parked_event (" + COLUMNS + ") values (:eventId, :source, :topic, :partition, :offset,"
                        + " :key, :payload, :reason, :parkedAt) on conflict do nothing",
                fresh.stream().map(ParkedEvents::row).toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate(
                "insert into parked_event_identifier (event_id, ordinal, scheme, namespace, identifier)"
                        + " values (:eventId, :ordinal, :scheme, :namespace, :value) on conflict do nothing",
                fresh.stream().flatMap(event -> identifierRows(event).stream()).toArray(SqlParameterSource[]::new));
        AfterCommit.run(() -> metrics.identityParked(fresh.size()));
    }

    /** The longest-parked events first. */
    public List<ParkedEvent> list(int limit) {
        return withIdentifiers(jdbc.query(
                "select " + COLUMNS + " from parked_event order by parked_at, event_id limit :limit",
                Map.of("limit", limit),
                ParkedEvents::toRow));
    }

    /** The parked events, in event id order, whose id comes after {@code afterEventId} (null: from the first). */
    List<ParkedEvent> page(String afterEventId, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
        String where = "";
        if (afterEventId != null) {
            where = " where event_id > :after";
            parameters.addValue("after", afterEventId);
        }
        return withIdentifiers(jdbc.query(
                "select " + COLUMNS + " from parked_event" + where + " order by event_id limit :limit",
                parameters,
                ParkedEvents::toRow));
    }

    /** Parked events that carry any of the identifiers, longest-parked first. */
    public List<ParkedEvent> matching(Collection<LearnerMappingKey> identifiers) {
        Set<LearnerMappingKey> wanted = Set.copyOf(IdentityMappings.storable(identifiers));
        Set<String> candidates = new HashSet<>();
        for (List<LearnerMappingKey> chunk : IdentityMappings.chunks(wanted)) {
            // Each column against its own array finds a superset (see IdentityMappings); exact keys are kept below.
            candidates.addAll(jdbc.queryForList(
                    "select distinct event_id from parked_event_identifier where scheme = any(:schemes)"
                            + " and namespace = any(:namespaces) and identifier = any(:values)",
                    IdentityMappings.columnArrays(chunk),
                    String.class));
        }
        return find(candidates).stream()
                .filter(event -> event.identifiers().stream().anyMatch(wanted::contains))
                .toList();
    }

    /** Removes the events, with their identifiers, in the caller's transaction. */
    public void remove(Collection<String> eventIds) {
        for (List<String> chunk : IdentityMappings.chunks(new HashSet<>(eventIds))) {
            Map<String, VarcharArray> ids = Map.of("ids", VarcharArray.of(chunk));
            jdbc.update("delete from parked_event_identifier where event_id = any(:ids)", ids);
            jdbc.update("delete from parked_event where event_id = any(:ids)", ids);
        }
    }

    public long count() {
        Long count = jdbc.getJdbcTemplate().queryForObject("select count(*) from parked_event", Long.class);
        return count == null ? 0 : count;
    }

    /** Which of the event ids are parked. */
    Set<String> parked(Collection<String> eventIds) {
        Set<String> parked = new HashSet<>();
        for (List<String> chunk : IdentityMappings.chunks(eventIds)) {
            parked.addAll(jdbc.queryForList(
                    "select event_id from parked_event where event_id = any(:ids)",
                    Map.of("ids", VarcharArray.of(chunk)),
                    String.class));
        }
        return parked;
    }

    private List<ParkedEvent> find(Collection<String> eventIds) {
        List<ParkedEvent> found = new ArrayList<>();
        for (List<String> chunk : IdentityMappings.chunks(eventIds)) {
            found.addAll(jdbc.query(
                    "select " + COLUMNS + " from parked_event where event_id = any(:ids)",
                    Map.of("ids", VarcharArray.of(chunk)),
                    ParkedEvents::toRow));
        }
        found.sort((a, b) -> a.parkedAt().equals(b.parkedAt())
                ? a.eventId().compareTo(b.eventId())
                : a.parkedAt().compareTo(b.parkedAt()));
        return withIdentifiers(found);
    }

    /** Rows are read without identifiers first; this fills them in with one query per chunk of events. */
    private List<ParkedEvent> withIdentifiers(List<ParkedEvent> events) {
        Map<String, List<LearnerMappingKey>> identifiers = new LinkedHashMap<>();
        events.forEach(event -> identifiers.put(event.eventId(), new ArrayList<>()));
        for (List<String> chunk : IdentityMappings.chunks(identifiers.keySet())) {
            jdbc.query(
                    "select event_id, scheme, namespace, identifier from parked_event_identifier"
                            + " where event_id = any(:ids) order by event_id, ordinal",
                    Map.of("ids", VarcharArray.of(chunk)),
                    row -> {
                        identifiers
                                .get(row.getString("event_id"))
                                .add(new LearnerMappingKey(
                                        row.getString("scheme"),
                                        row.getString("namespace"),
                                        row.getString("identifier")));
                    });
        }
        return events.stream()
                .map(event -> new ParkedEvent(
                        event.eventId(),
                        event.source(),
                        identifiers.get(event.eventId()),
                        event.topic(),
                        event.partition(),
                        event.offset(),
                        event.key(),
                        event.payload(),
                        event.reason(),
                        event.parkedAt()))
                .toList();
    }

    private static SqlParameterSource row(ParkedEvent event) {
        return new MapSqlParameterSource()
                .addValue("eventId", event.eventId())
                .addValue("source", event.source())
                .addValue("topic", event.topic())
                .addValue("partition", event.partition())
                .addValue("offset", event.offset())
                .addValue("key", event.key())
                .addValue("payload", event.payload())
                .addValue("reason", truncate(event.reason(), 2000))
                .addValue("parkedAt", Timestamp.from(event.parkedAt()));
    }

    private static List<SqlParameterSource> identifierRows(ParkedEvent event) {
        List<SqlParameterSource> rows = new ArrayList<>();
        List<LearnerMappingKey> identifiers = event.identifiers();
        for (int ordinal = 0; ordinal < identifiers.size(); ordinal++) {
            LearnerMappingKey identifier = identifiers.get(ordinal);
            if (identifier.storable()) {
                rows.add(new MapSqlParameterSource()
                        .addValue("eventId", event.eventId())
                        .addValue("ordinal", ordinal)
                        .addValue("scheme", identifier.scheme())
                        .addValue("namespace", identifier.namespace())
                        .addValue("value", identifier.value()));
            }
        }
        return rows;
    }

    private static ParkedEvent toRow(ResultSet row, int index) throws SQLException {
        return new ParkedEvent(
                row.getString("event_id"),
                row.getString("source"),
                List.of(),
                row.getString("origin_topic"),
                row.getInt("origin_partition"),
                row.getLong("origin_offset"),
                row.getString("origin_key"),
                row.getBytes("payload"),
                row.getString("reason"),
                row.getTimestamp("parked_at").toInstant());
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
