package io.credbridge.transcript.files;

import io.credbridge.transcript.Acknowledgement;
import io.credbridge.transcript.Discrepancy;
import io.credbridge.transcript.ExpectedTranscript;
import io.credbridge.transcript.TranscriptEntry;
import io.credbridge.transcript.TranscriptReadBack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a SIS that loads import files holds, as its acknowledgement files tell it (they are left where they are, so
 * they are all read again): every entry in effect must have been accepted, an entry accepted in two files was
 * loaded twice, and an accepted entry that nothing explains is extra. Records are known by their entry key, which
 * every layout writes.
 */
final class FileReadBack implements TranscriptReadBack {

    private final FileDrop drop;
    private final FileSettings.Acknowledgements settings;
    private final AcknowledgementCsv csv;

    FileReadBack(FileDrop drop, FileSettings.Acknowledgements settings) {
        this.drop = drop;
        this.settings = settings;
        this.csv = new AcknowledgementCsv(settings);
    }

    /** What the acknowledgement files said of one entry, in file name order. */
    private record Said(String file, Acknowledgement acknowledgement) {}

    @Override
    public List<Discrepancy> compare(List<ExpectedTranscript> learners) {
        Map<String, List<Said>> byEntry = acknowledgements();
        List<Discrepancy> found = new ArrayList<>();
        for (ExpectedTranscript learner : learners) {
            Set<String> expected = new HashSet<>();
            for (TranscriptEntry entry : learner.entries()) {
                expected.add(entry.idempotencyKey());
                found.addAll(check(entry, byEntry.getOrDefault(entry.idempotencyKey(), List.of())));
            }
            byEntry.forEach((key, said) -> {
                Acknowledgement last = said.get(said.size() - 1).acknowledgement();
                if (learner.awardIds().contains(last.awardId()) && !expected.contains(key) && last.accepted()) {
                    found.add(Discrepancy.extra(
                            learner.learnerId(),
                            last.awardId(),
                            last.action(),
                            null,
                            "the SIS accepted " + key + " in "
                                    + said.get(said.size() - 1).file()
                                    + ", an entry CredBridge expects no record of (its credential is not"
                                    + " transcripted, or a registrar rejected or has not approved it)"));
                }
            });
        }
        return found;
    }

    private static List<Discrepancy> check(TranscriptEntry entry, List<Said> said) {
        if (said.isEmpty()) {
            return List.of(
                    Discrepancy.missing(entry, null, "no acknowledgement file names it: not loaded yet, or not sent"));
        }
        List<Discrepancy> found = new ArrayList<>();
        Said last = said.get(said.size() - 1);
        if (!last.acknowledgement().accepted()) {
            found.add(Discrepancy.missing(
                    entry,
                    null,
                    "the SIS rejected it in " + last.file() + ": "
                            + (last.acknowledgement().sisMessage() == null
                                    ? "no message"
                                    : last.acknowledgement().sisMessage())));
        }
        List<String> acceptedIn = said.stream()
                .filter(each -> each.acknowledgement().accepted())
                .map(Said::file)
                .distinct()
                .toList();
        if (acceptedIn.size() > 1) {
            found.add(Discrepancy.extra(
                    entry.learnerId(),
                    entry.awardId(),
                    entry.action(),
                    null,
                    "the SIS loaded it more than once, in " + String.join(", ", acceptedIn)
                            + ": it may hold a second record"));
        }
        return found;
    }

    private Map<String, List<Said>> acknowledgements() {
        Map<String, List<Said>> byEntry = new LinkedHashMap<>();
        for (String name : drop.list(settings.directory(), settings.filePattern())) {
            for (Acknowledgement acknowledgement : csv.read(name, drop.read(settings.directory(), name))) {
                byEntry.computeIfAbsent(acknowledgement.entryKey(), key -> new ArrayList<>())
                        .add(new Said(name, acknowledgement));
            }
        }
        return byEntry;
    }

    @Override
    public String target() {
        return FileTranscriptWriter.TARGET;
    }
}
