package io.credbridge.award;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch's voids point at, read once per batch: the learner whose fact each voided event stated, and which
 * voided events already have an entry of their own in the processed-event log (voided before, or dead-lettered).
 */
record VoidTargets(Map<String, String> owners, Set<String> logged) {

    static final VoidTargets NONE = new VoidTargets(Map.of(), Set.of());

    static VoidTargets of(Collection<Intake> intakes, AwardLedger ledger, ProcessedEventLog processedEvents) {
        List<String> targets = intakes.stream()
                .filter(Intake.Voiding.class::isInstance)
                .map(each -> ((Intake.Voiding) each).voidedEventId())
                .distinct()
                .toList();
        if (targets.isEmpty()) {
            return NONE;
        }
        return new VoidTargets(ledger.factOwners(targets), processedEvents.logged(targets));
    }
}
