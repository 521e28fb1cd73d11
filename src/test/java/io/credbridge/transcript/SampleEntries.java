package io.credbridge.transcript;

import io.credbridge.transcript.TranscriptEntry.Action;
import java.time.Instant;
import java.util.List;

/** Transcript entries for the SIS adapter tests: Alice (Banner ID S0001) earned a badge. */
public final class SampleEntries {

    private SampleEntries() {}

    public static TranscriptEntry entry(String awardId, Action action) {
        return new TranscriptEntry(
                awardId,
                action,
                "alice",
                "data-analysis",
                3,
                "Data \"Analysis\" Fundamentals",
                "badge",
                "https://credentials.example.edu",
                "Example University",
                Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-21T10:00:00Z"),
                List.of("e1"),
                "xapi",
                "S0001");
    }

    public static TranscriptEntry issued(String awardId) {
        return entry(awardId, Action.ISSUED);
    }
}
