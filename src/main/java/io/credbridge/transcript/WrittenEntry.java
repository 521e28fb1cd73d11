package io.credbridge.transcript;

import java.util.List;

/**
 * A transcript entry the SIS took, with the id the SIS knows its record by: the GUID of an Ethos record, the id a
 * REST API answered, the import file and record number of a batch file. Null when the SIS names no record (the
 * {@code csv} target's daily files, a REST API answering no id).
 */
public record WrittenEntry(TranscriptEntry entry, String sisRecordId) {

    /** Entries written to a SIS that names no record. */
    public static List<WrittenEntry> withoutIds(List<TranscriptEntry> entries) {
        return entries.stream().map(entry -> new WrittenEntry(entry, null)).toList();
    }
}
