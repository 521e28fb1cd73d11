package io.credbridge.transcript;

/** Where a SIS that loads import files later leaves its acknowledgement files (a directory, an SFTP server). */
public interface AcknowledgementSource {

    /** Reads the acknowledgement files there and hands each one not yet applied to {@code acknowledgements}. */
    void collect(TranscriptAcknowledgements acknowledgements);
}
