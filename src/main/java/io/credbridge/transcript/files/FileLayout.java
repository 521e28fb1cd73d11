package io.credbridge.transcript.files;

import io.credbridge.transcript.TranscriptEntry;
import java.util.List;

/** How a batch of transcript entries is laid out in one import file. */
public interface FileLayout {

    /** The file name extension, without the dot: {@code csv}, {@code xml}. */
    String extension();

    /**
     * The whole file.
     *
     * @param batchId the file's own id (its name without prefix and extension), written into layouts that carry one
     */
    byte[] render(String batchId, List<TranscriptEntry> entries);
}
