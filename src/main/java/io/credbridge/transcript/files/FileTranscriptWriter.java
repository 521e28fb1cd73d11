package io.credbridge.transcript.files;

import io.credbridge.transcript.PermanentSisRejection;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each batch of transcript entries as one import file, laid out by a {@link FileLayout} and put whole into a
 * {@link FileDrop}. File names start with the UTC time of the write, so an import job taking files in name order
 * sees an award's entries in the order they were written (ISSUED before REVOKED); a hash of the batch's entry keys
 * follows, so two batches never share a name. Every record carries its entry key (award id and action), the key
 * the SIS import deduplicates by.
 */
final class FileTranscriptWriter implements TranscriptWriter {

    static final String TARGET = "files";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final FileLayout layout;
    private final FileDrop drop;
    private final String filePrefix;
    private final boolean acknowledgesLater;
    private final Clock clock;

    FileTranscriptWriter(FileLayout layout, FileDrop drop, String filePrefix, boolean acknowledgesLater, Clock clock) {
        this.layout = layout;
        this.drop = drop;
        this.filePrefix = filePrefix;
        this.acknowledgesLater = acknowledgesLater;
        this.clock = clock;
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public boolean acknowledgesLater() {
        return acknowledgesLater;
    }

    @Override
    public List<TranscriptEntry> write(List<TranscriptEntry> entries) {
        Map<String, TranscriptEntry> distinct = new LinkedHashMap<>();
        entries.forEach(entry -> distinct.putIfAbsent(entry.idempotencyKey(), entry));
        List<TranscriptEntry> batch = new ArrayList<>(distinct.values());
        if (batch.isEmpty()) {
            return List.of();
        }
        String batchId = STAMP.format(clock.instant()) + "-"
                + ContentHash.of(String.join("\n", distinct.keySet()).getBytes(StandardCharsets.UTF_8))
                        .substring(0, 8);
        String name = filePrefix + "-" + batchId + "." + layout.extension();
        try {
            drop.put(name, layout.render(batchId, batch));
        } catch (HostKeyMismatch e) {
            String key = batch.size() == 1 ? batch.get(0).idempotencyKey() : batch.size() + " entries in " + name;
            throw new PermanentSisRejection(TARGET, key, 0, "HostKeyMismatch", e.getMessage());
        }
        return batch;
    }
}
