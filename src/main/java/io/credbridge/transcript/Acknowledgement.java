package io.credbridge.transcript;

/**
 * What a SIS said about one record of an import file it loaded.
 *
 * @param sisCode the SIS's error code for a rejected record, or null
 * @param sisMessage the SIS's words for a rejected record (the registrar's starting point), or null
 */
public record Acknowledgement(
        String awardId, TranscriptEntry.Action action, boolean accepted, String sisCode, String sisMessage) {

    public String entryKey() {
        return awardId + "/" + action;
    }
}
