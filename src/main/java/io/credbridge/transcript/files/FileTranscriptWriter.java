package io.credbridge.transcript.files;

import io.credbridge.outbox.DeliveryEffects;
import io.credbridge.transcript.PermanentSisRejection;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptWriter;
import io.credbridge.transcript.WrittenEntry;
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
 * the SIS import deduplicates by. A file is recorded before its upload ({@link FileUploads}): a batch redelivered
 * after a crash between the upload and the outbox update goes out as the same file again, never as a second one.
 */
final class FileTranscriptWriter implements TranscriptWriter {

    static final String TARGET = "files";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final FileLayout layout;
    private final FileDrop drop;
    private final String filePrefix;
    private final boolean acknowledgesLater;
    private final FileUploads uploads;
    private final Clock clock;

    FileTranscriptWriter(
            FileLayout layout,
            FileDrop drop,
            String filePrefix,
            boolean acknowledgesLater,
            FileUploads uploads,
            Clock clock) {
        this.layout = layout;
        this.drop = drop;
        this.filePrefix = filePrefix;
        this.acknowledgesLater = acknowledgesLater;
        this.uploads = uploads;
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
    public List<WrittenEntry> write(List<TranscriptEntry> entries) {
        Map<String, TranscriptEntry> distinct = new LinkedHashMap<>();
        entries.forEach(entry -> distinct.putIfAbsent(entry.idempotencyKey(), entry));
        if (distinct.isEmpty()) {
            return List.of();
        }
        List<WrittenEntry> written = new ArrayList<>();
        // Entries a crash caught between the upload and the delivery's commit go out in the same file again.
        for (FileUploads.Upload recorded : uploads.holding(distinct.keySet()).values()) {
            put(recorded);
            for (int i = 0; i < recorded.entryKeys().size(); i++) {
                TranscriptEntry entry = distinct.remove(recorded.entryKeys().get(i));
                if (entry != null) {
                    written.add(new WrittenEntry(entry, recorded.fileName() + "#" + (i + 1)));
                }
            }
        }
        if (!distinct.isEmpty()) {
            List<TranscriptEntry> batch = new ArrayList<>(distinct.values());
            String batchId = STAMP.format(clock.instant()) + "-"
                    + ContentHash.of(String.join("\n", distinct.keySet()).getBytes(StandardCharsets.UTF_8))
                            .substring(0, 8);
            String name = filePrefix + "-" + batchId + "." + layout.extension();
            FileUploads.Upload upload =
                    new FileUploads.Upload(name, layout.render(batchId, batch), List.copyOf(distinct.keySet()));
            uploads.record(upload, clock.instant());
            put(upload);
            written.addAll(recordsIn(name, batch));
        }
        List<String> delivered =
                written.stream().map(each -> each.entry().idempotencyKey()).toList();
        DeliveryEffects.afterDelivery(() -> uploads.delivered(delivered));
        return written;
    }

    /** Puts the file; a drop that has it already (the same file, put before a crash) is left as it is. */
    private void put(FileUploads.Upload upload) {
        try {
            drop.put(upload.fileName(), upload.content());
        } catch (HostKeyMismatch e) {
            String key = upload.entryKeys().size() == 1
                    ? upload.entryKeys().get(0)
                    : upload.entryKeys().size() + " entries in " + upload.fileName();
            throw new PermanentSisRejection(TARGET, key, 0, "HostKeyMismatch", e.getMessage());
        }
    }

    /** A record is known by its file and its number there (from 1), as import logs report them. */
    static List<WrittenEntry> recordsIn(String fileName, List<TranscriptEntry> batch) {
        List<WrittenEntry> written = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            written.add(new WrittenEntry(batch.get(i), fileName + "#" + (i + 1)));
        }
        return written;
    }
}
