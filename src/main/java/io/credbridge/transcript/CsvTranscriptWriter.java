package io.credbridge.transcript;

import io.credbridge.transcript.files.CsvLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The flat-file SIS adapter: appends transcript rows to a daily CSV import file ({@link CsvLayout}).
 * Idempotent by award id and action: a row whose key is in the directory's files is not written again. The keys are
 * read once and kept, and a file is read again when its size is not what this writer last saw: another instance
 * writing to the same directory (two instances of CredBridge, one killed while its relay was delivering, the other
 * delivering the batch again) appended to it. Checking and appending happen under a lock on a file in the directory,
 * so two processes never check and append at once. Rows are appended with one write and forced to disk before this
 * returns, and a torn last line left by a crash is cut off when the file is next read, so a redelivered entry is
 * written whole exactly once.
 */
final class CsvTranscriptWriter implements TranscriptWriter {

    static final String[] COLUMNS = CsvLayout.COLUMNS.toArray(String[]::new);

    private static final CSVFormat FORMAT = CsvLayout.FORMAT;

    private final CsvTranscriptProperties properties;
    private final Clock clock;
    private final Set<String> written = new HashSet<>();
    private final Map<Path, Long> sizesSeen = new HashMap<>();

    public CsvTranscriptWriter(CsvTranscriptProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String target() {
        return "csv";
    }

    @Override
    public synchronized List<WrittenEntry> write(List<TranscriptEntry> entries) throws IOException {
        Files.createDirectories(properties.directory());
        try (FileChannel lockFile = FileChannel.open(
                properties.directory().resolve("." + properties.filePrefix() + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.lock();
            try {
                return writeLocked(entries);
            } finally {
                lock.release();
            }
        }
    }

    private List<WrittenEntry> writeLocked(List<TranscriptEntry> entries) throws IOException {
        Set<String> known = writtenKeys();
        List<TranscriptEntry> fresh = new ArrayList<>();
        Set<String> batchKeys = new HashSet<>();
        for (TranscriptEntry entry : entries) {
            if (!known.contains(entry.idempotencyKey()) && batchKeys.add(entry.idempotencyKey())) {
                fresh.add(entry);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        Path file = todaysFile();
        boolean newFile = !Files.exists(file) || Files.size(file) == 0;
        try {
            append(file, CsvLayout.rows(fresh, newFile));
        } catch (IOException e) {
            // A failed append may leave a torn line: re-read (and repair) the file before the retry writes.
            sizesSeen.remove(file);
            throw e;
        }
        sizesSeen.put(file, Files.size(file));
        fresh.forEach(entry -> known.add(entry.idempotencyKey()));
        // A row is found by its award id and action in the day's file; the file names no record of its own.
        return WrittenEntry.withoutIds(fresh);
    }

    /** The file rows are appended to now. */
    public Path todaysFile() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return properties.directory().resolve(properties.filePrefix() + "-" + day + ".csv");
    }

    /** The keys of every file, reading again each file whose size changed since this writer last saw it. */
    private Set<String> writtenKeys() throws IOException {
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(properties.directory(), properties.filePrefix() + "-*.csv")) {
            for (Path file : files) {
                Long seen = sizesSeen.get(file);
                if (seen == null || seen != Files.size(file)) {
                    cutTornLastLine(file);
                    readKeys(file, written);
                    sizesSeen.put(file, Files.size(file));
                }
            }
        }
        return written;
    }

    private static void readKeys(Path file, Set<String> keys) throws IOException {
        CSVFormat withHeader =
                FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, withHeader)) {
            for (CSVRecord row : parser) {
                keys.add(row.get("award_id") + "/" + row.get("action"));
            }
        }
    }

    /** A row is complete only with its line break; anything after the last one is a write a crash cut short. */
    private static void cutTornLastLine(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int end = content.length;
        while (end > 0 && content[end - 1] != '\n') {
            end--;
        }
        if (end < content.length) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
                channel.force(true);
            }
        }
    }

    private static void append(Path file, String rows) throws IOException {
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(rows.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }
}
