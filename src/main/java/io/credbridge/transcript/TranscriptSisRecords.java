package io.credbridge.transcript;

import io.credbridge.jdbc.VarcharArray;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SIS's own id of each entry it took, by entry key (award id / action). */
@Repository
class TranscriptSisRecords {

    private final NamedParameterJdbcTemplate jdbc;

    TranscriptSisRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the ids of the written entries that have one (in the relay's transaction). */
    void written(String target, List<WrittenEntry> written, Instant at) {
        for (WrittenEntry each : written) {
            if (each.sisRecordId() == null) {
                continue;
            }
            MapSqlParameterSource values = new MapSqlParameterSource()
                    .addValue("key", each.entry().idempotencyKey())
                    .addValue("award", each.entry().awardId())
                    .addValue("target", target)
                    .addValue("id", truncate(each.sisRecordId()))
                    .addValue("at", Timestamp.from(at));
            int updated = jdbc.update(
                    "update transcript_sis_record set target = :target, sis_record_id = :id, written_at = :at"
                            + " where entry_key = :key",
                    values);
            if (updated == 0) {
                jdbc.update(
                        "insert into transcript_sis_record (entry_key, award_id, target, sis_record_id, written_at)"
                                + " values (:key, :award, :target, :id, :at)",
                        values);
            }
        }
    }

    /** The SIS record ids of these entries, by entry key; entries the SIS named no record for are left out. */
    Map<String, String> idsOf(Collection<String> entryKeys) {
        Map<String, String> ids = new HashMap<>();
        if (entryKeys.isEmpty()) {
            return ids;
        }
        jdbc.query(
                "select entry_key, sis_record_id from transcript_sis_record where entry_key = any(:keys)",
                Map.of("keys", VarcharArray.of(entryKeys)),
                row -> {
                    ids.put(row.getString("entry_key"), row.getString("sis_record_id"));
                });
        return ids;
    }

    private static String truncate(String id) {
        return id.length() <= 512 ? id : id.substring(0, 512);
    }
}
