package io.credbridge.transcript;

import io.credbridge.award.AwardRecord;
import io.credbridge.award.AwardRecords;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.TranscriptPolicy;
import io.credbridge.outbox.Destination;
import io.credbridge.outbox.OutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Compares CredBridge's awards with what the SIS holds. What the SIS should hold: the ISSUED entry of every award
 * whose credential is transcripted (not {@code never}), and the entry that ended it (REVOKED, EXPIRED) once it
 * ended, unless a registrar rejected the entry or has not approved it yet. What it holds is read back through the
 * target's adapter ({@link TranscriptReadBack}); an entry that waits in the review queue as FAILED is missing, and
 * says so with the SIS's message.
 */
@Component
public class TranscriptReconciliation {

    private final TranscriptTargets targets;
    private final ObjectProvider<TranscriptReadBack> readBack;
    private final AwardRecords ledger;
    private final CredentialCatalog catalog;
    private final TranscriptReviewStore review;
    private final TranscriptSisRecords sisRecords;
    private final OutboxStore outbox;
    private final Clock clock;

    TranscriptReconciliation(
            TranscriptTargets targets,
            ObjectProvider<TranscriptReadBack> readBack,
            AwardRecords ledger,
            CredentialCatalog catalog,
            TranscriptReviewStore review,
            TranscriptSisRecords sisRecords,
            OutboxStore outbox,
            Clock clock) {
        this.targets = targets;
        this.readBack = readBack;
        this.ledger = ledger;
        this.catalog = catalog;
        this.review = review;
        this.sisRecords = sisRecords;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The differences, for every learner or one ({@code learnerId}, null for all).
     *
     * @param notChecked awards that could not be compared (their definition left the catalog), with why
     */
    public record Report(
            String target,
            String learnerId,
            Instant checkedAt,
            int awards,
            List<Discrepancy> missing,
            List<Discrepancy> extra,
            List<Discrepancy> mismatched,
            List<NotChecked> notChecked) {}

    public record NotChecked(String awardId, String learnerId, String reason) {}

    /** The targets transcript entries go to, the default first. */
    public List<String> targets() {
        return targets.names();
    }

    /** The targets whose SIS can be read back, so reconciliation can check them. */
    public List<String> checkableTargets() {
        return targets.names().stream()
                .filter(target -> readBackOf(target).isPresent())
                .toList();
    }

    private Optional<TranscriptReadBack> readBackOf(String target) {
        return readBack.stream().filter(sis -> sis.target().equals(target)).findFirst();
    }

    /** Compares the awards whose entries go to the target (by the routes) with what its SIS holds. */
    public Report run(String target, String learnerId) {
        if (targets.named(target).isEmpty()) {
            throw new UnknownTargetException(target, targets.names());
        }
        TranscriptReadBack sis = readBackOf(target).orElseThrow(() -> new CannotReadBackException(target));
        List<AwardRecord> awards = learnerId == null ? ledger.all() : ledger.of(learnerId);
        List<NotChecked> notChecked = new ArrayList<>();
        List<ExpectedTranscript> learners = expected(target, awards, notChecked);
        List<Discrepancy> found = annotated(sis.compare(learners));
        return new Report(
                target,
                learnerId,
                clock.instant(),
                awards.size(),
                of(found, Discrepancy.Kind.MISSING),
                of(found, Discrepancy.Kind.EXTRA),
                of(found, Discrepancy.Kind.MISMATCHED),
                notChecked);
    }

    private List<ExpectedTranscript> expected(String target, List<AwardRecord> awards, List<NotChecked> notChecked) {
        Map<String, List<AwardRecord>> byLearner = awards.stream()
                .sorted(Comparator.comparing(AwardRecord::awardedAt).thenComparing(AwardRecord::awardId))
                .collect(Collectors.groupingBy(AwardRecord::learnerId, LinkedHashMap::new, Collectors.toList()));
        Map<String, ReviewedEntry> queued = review.findByKeys(awards.stream()
                .flatMap(award -> java.util.stream.Stream.of(
                        award.awardId() + "/" + TranscriptEntry.Action.ISSUED, award.awardId() + "/" + award.status()))
                .distinct()
                .toList());
        List<ExpectedTranscript> learners = new ArrayList<>();
        byLearner.forEach((learner, theirs) -> {
            List<TranscriptEntry> entries = new ArrayList<>();
            String sisPersonId = null;
            for (AwardRecord award : theirs) {
                sisPersonId = award.sisPersonId() == null ? sisPersonId : award.sisPersonId();
                Optional<CredentialDefinition> definition = catalog.find(
                                award.credentialId(), award.credentialVersion())
                        .or(() -> catalog.find(award.credentialId()));
                if (definition.isEmpty()) {
                    notChecked.add(new NotChecked(
                            award.awardId(),
                            learner,
                            "credential " + award.credentialId() + " is no longer in the catalog"));
                    continue;
                }
                if (!targets.targetOf(
                                award.credentialId(), definition.get().issuer().id())
                        .equals(target)) {
                    continue;
                }
                entries.addAll(inEffect(award, definition.get(), queued));
            }
            learners.add(new ExpectedTranscript(
                    learner,
                    sisPersonId,
                    entries,
                    theirs.stream().map(AwardRecord::awardId).collect(Collectors.toSet())));
        });
        return learners;
    }

    /** The award's entries the SIS should hold: none, ISSUED, or ISSUED and the one that ended it. */
    private static List<TranscriptEntry> inEffect(
            AwardRecord award, CredentialDefinition definition, Map<String, ReviewedEntry> queued) {
        if (definition.transcript() == TranscriptPolicy.NEVER) {
            return List.of();
        }
        TranscriptEntry issued = entry(award, definition, TranscriptEntry.Action.ISSUED);
        if (keptOff(queued.get(issued.idempotencyKey()))) {
            return List.of();
        }
        if ("ACTIVE".equals(award.status())) {
            return List.of(issued);
        }
        TranscriptEntry ended = entry(award, definition, TranscriptEntry.Action.valueOf(award.status()));
        return keptOff(queued.get(ended.idempotencyKey())) ? List.of(issued) : List.of(issued, ended);
    }

    /** Waiting for a registrar's first decision, or rejected: not meant to be on the transcript. */
    private static boolean keptOff(ReviewedEntry queued) {
        return queued != null
                && (queued.status() == ReviewStatus.PENDING_REVIEW || queued.status() == ReviewStatus.REJECTED);
    }

    /** The entry as the award's change carried it, from the definition it was made under. */
    private static TranscriptEntry entry(
            AwardRecord award, CredentialDefinition definition, TranscriptEntry.Action action) {
        return new TranscriptEntry(
                award.awardId(),
                action,
                award.learnerId(),
                award.credentialId(),
                award.credentialVersion(),
                definition.name(),
                definition.kind().code(),
                definition.issuer().id(),
                definition.issuer().name(),
                award.earnedAt(),
                award.awardedAt(),
                award.evidenceEventIds(),
                null,
                award.sisPersonId());
    }

    /** The SIS record id CredBridge kept, where the adapter named none; the review queue's word on failed ones. */
    private List<Discrepancy> annotated(List<Discrepancy> found) {
        List<String> keys = found.stream()
                .filter(each -> each.action() != null)
                .map(each -> each.awardId() + "/" + each.action())
                .distinct()
                .toList();
        Map<String, String> ids = sisRecords.idsOf(keys);
        Map<String, ReviewedEntry> queued = review.findByKeys(keys);
        Set<String> undelivered = outbox.undelivered(
                Destination.TRANSCRIPT,
                found.stream().map(Discrepancy::awardId).distinct().toList());
        return found.stream()
                .map(each -> {
                    String key = each.awardId() + "/" + each.action();
                    Discrepancy annotated = each.withSisRecordId(ids.get(key));
                    ReviewedEntry entry = queued.get(key);
                    if (each.kind() == Discrepancy.Kind.MISSING
                            && entry != null
                            && entry.status() == ReviewStatus.FAILED) {
                        annotated = annotated.because("the SIS refused it and it waits in the review queue as FAILED ("
                                + entry.sisMessage() + ")");
                    } else if (each.kind() == Discrepancy.Kind.MISSING && undelivered.contains(each.awardId())) {
                        annotated = annotated.because("the award has entries in the outbox not delivered yet (see"
                                + " GET /api/dead-letters for those given up)");
                    }
                    return annotated;
                })
                .toList();
    }

    private static List<Discrepancy> of(List<Discrepancy> found, Discrepancy.Kind kind) {
        return found.stream().filter(each -> each.kind() == kind).toList();
    }

    /** The target is not the configured one. */
    public static class UnknownTargetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        // Read by the API answer in the same request; an exception serialized elsewhere need not carry it.
        private final transient List<String> configured;

        UnknownTargetException(String target, List<String> configured) {
            super("no transcript target '" + target + "'; entries go to " + String.join(", ", configured)
                    + " (credbridge.transcript.target and .routes)");
            this.configured = List.copyOf(configured);
        }

        public List<String> configured() {
            return configured;
        }
    }

    /** The target's adapter cannot read back what the SIS holds. */
    public static class CannotReadBackException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotReadBackException(String target) {
            super("the " + target + " target cannot read back what the SIS holds: " + howTo(target));
        }

        private static String howTo(String target) {
            switch (target) {
                case "rest":
                    return "set credbridge.transcript.rest.read-back.url (see the README's SIS section)";
                case "files":
                    return "the SIS must leave acknowledgement files; set"
                            + " credbridge.transcript.files.acknowledgements.directory";
                case "csv":
                    return "it only writes import files and hears nothing back; compare the files with the SIS's"
                            + " import log, or use the files target with acknowledgement files";
                default:
                    return "its adapter has no read-back";
            }
        }
    }
}
