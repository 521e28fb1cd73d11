package io.credbridge.transcript;

import java.util.List;

/**
 * A SIS adapter. It must be idempotent by {@link TranscriptEntry#idempotencyKey()}: entries are delivered at
 * least once. Returning normally means the SIS has every entry; throwing means the batch is retried later.
 */
public interface TranscriptWriter {

    /**
     * Writes the entries the SIS does not have yet; returns those it wrote (the others were already there), each
     * with the id of the SIS's record when the SIS names one.
     */
    List<WrittenEntry> write(List<TranscriptEntry> entries) throws Exception;

    /** A short name for metrics and logs, e.g. {@code csv}. */
    String target();

    /**
     * Whether the SIS tells later, in acknowledgement files, which entries it loaded (batch imports that run after
     * the file arrived). Its written entries then wait for that word: accepted ones are written, rejected ones go
     * to the registrar's review queue with the SIS's message.
     */
    default boolean acknowledgesLater() {
        return false;
    }
}
