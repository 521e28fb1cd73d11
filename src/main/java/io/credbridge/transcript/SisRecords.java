package io.credbridge.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the records a SIS holds of one learner with the records CredBridge's entries should have left there.
 * Each record has a slot: what the adapter finds it by (an Ethos GUID, an award id, an award id and action).
 */
public final class SisRecords {

    private SisRecords() {}

    /**
     * A record the entry should have left in the slot, holding at least {@code body} (null: only its presence is
     * checked); or, when {@code present} is false, a slot that must be empty, for {@code absentBecause}.
     */
    public record Expected(String slot, TranscriptEntry entry, JsonNode body, boolean present, String absentBecause) {

        public static Expected holding(String slot, TranscriptEntry entry, JsonNode body) {
            return new Expected(slot, entry, body, true, null);
        }

        public static Expected empty(String slot, TranscriptEntry entry, String because) {
            return new Expected(slot, entry, null, false, because);
        }
    }

    /** A record the SIS holds of one of CredBridge's awards. */
    public record Held(String slot, String awardId, TranscriptEntry.Action action, String sisRecordId, JsonNode body) {}

    /**
     * Missing: an expected record the SIS does not hold. Mismatched: one that holds other values. Extra: a held
     * record no expectation explains, one that should be gone, or a second record in one slot.
     */
    public static List<Discrepancy> compare(String learnerId, String target, List<Expected> expected, List<Held> held) {
        Map<String, List<Held>> bySlot = new LinkedHashMap<>();
        held.forEach(record ->
                bySlot.computeIfAbsent(record.slot(), slot -> new ArrayList<>()).add(record));
        List<Discrepancy> found = new ArrayList<>();
        for (Expected each : expected) {
            List<Held> there = bySlot.remove(each.slot());
            if (!each.present()) {
                if (there != null) {
                    there.forEach(record -> found.add(Discrepancy.extra(
                            learnerId,
                            record.awardId(),
                            each.entry().action(),
                            record.sisRecordId(),
                            target + " still holds the record, but " + each.absentBecause())));
                }
                continue;
            }
            if (there == null) {
                found.add(Discrepancy.missing(
                        each.entry(),
                        null,
                        target + " holds no record of " + each.entry().idempotencyKey()));
                continue;
            }
            Held record = there.get(0);
            List<String> differences = JsonSubset.differences(each.body(), record.body());
            if (!differences.isEmpty()) {
                found.add(Discrepancy.mismatched(
                        each.entry(),
                        record.sisRecordId(),
                        target + "'s record differs from what CredBridge wrote: " + String.join("; ", differences)));
            }
            there.stream()
                    .skip(1)
                    .forEach(second -> found.add(Discrepancy.extra(
                            learnerId,
                            second.awardId(),
                            each.entry().action(),
                            second.sisRecordId(),
                            target + " holds a second record of " + each.entry().idempotencyKey() + " (the first is "
                                    + record.sisRecordId() + ")")));
        }
        bySlot.values()
                .forEach(records -> records.forEach(record -> found.add(Discrepancy.extra(
                        learnerId,
                        record.awardId(),
                        record.action(),
                        record.sisRecordId(),
                        target + " holds a record of award " + record.awardId() + " that CredBridge expects no"
                                + " entry for (its credential is not transcripted, a registrar rejected or has not"
                                + " approved it, or the award ended and its record should be gone)"))));
        return found;
    }
}
