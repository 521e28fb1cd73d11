package io.credbridge.transcript.files;

import io.credbridge.jdbc.VarcharArray;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import files recorded before their upload, so a crash between the upload and the transaction that records the
 * delivery cannot make a second file of the same entries. A file is recorded in a transaction of its own, committed
 * before the upload; the relay's record of the delivery forgets it. Redelivered, an entry still recorded goes out in its
 * recorded file again, under the same name and with the same bytes, which a drop that has the file already skips.
 */
final class FileUploads {

    /** A recorded file: its name, its bytes and its records' entry keys, in record order. */
    record Upload(String fileName, byte[] content, List<String> entryKeys) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    FileUploads(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The recorded files holding any of these entries, with all their entries, by file name. */
    Map<String, Upload> holding(Collection<String> entryKeys) {
        Map<String, Upload> uploads = new LinkedHashMap<>();
        if (entryKeys.isEmpty()) {
            return uploads;
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        jdbc.query(
                "select e.file_name, e.entry_key from transcript_file_upload_entry e where e.file_name in"
                        + " (select file_name from transcript_file_upload_entry where entry_key = any(:keys))"
                        + " order by e.file_name, e.record_number",
                Map.of("keys", VarcharArray.of(entryKeys)),
                row -> {
                    keys.computeIfAbsent(row.getString("file_name"), name -> new ArrayList<>())
                            .add(row.getString("entry_key"));
                });
        keys.forEach((name, fileKeys) -> {
            byte[] content = jdbc.queryForObject(
                    "select content from transcript_file_upload where file_name = :name",
                    Map.of("name", name),
                    byte[].class);
            uploads.put(name, new Upload(name, content, List.copyOf(fileKeys)));
        });
        return uploads;
    }

    /** Records the file and its entries and commits, whatever transaction the caller is in. */
    void record(Upload upload, Instant at) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.update(
                    "insert into transcript_file_upload (file_name, content, planned_at) values (:name, :content, :at)",
                    new MapSqlParameterSource()
                            .addValue("name", upload.fileName())
                            .addValue("content", upload.content())
                            .addValue("at", Timestamp.from(at)));
            for (int i = 0; i < upload.entryKeys().size(); i++) {
                jdbc.update(
                        "insert into transcript_file_upload_entry (entry_key, file_name, record_number)"
                                + " values (:key, :name, :number)",
                        new MapSqlParameterSource()
                                .addValue("key", upload.entryKeys().get(i))
                                .addValue("name", upload.fileName())
                                .addValue("number", i + 1));
            }
        });
    }

    /**
     * Forgets these entries' files (with the relay's record of the delivery: if that never commits, they stay
     * recorded), so a resubmitted entry goes out in a new file.
     */
    void delivered(Collection<String> entryKeys) {
        if (entryKeys.isEmpty()) {
            return;
        }
        List<String> files = jdbc.queryForList(
                "select distinct file_name from transcript_file_upload_entry where entry_key = any(:keys)",
                Map.of("keys", VarcharArray.of(entryKeys)),
                String.class);
        jdbc.update(
                "delete from transcript_file_upload_entry where entry_key = any(:keys)",
                Map.of("keys", VarcharArray.of(entryKeys)));
        if (!files.isEmpty()) {
            jdbc.update(
                    "delete from transcript_file_upload where file_name = any(:files) and file_name not in"
                            + " (select file_name from transcript_file_upload_entry)",
                    Map.of("files", VarcharArray.of(files)));
        }
    }
}
