package io.credbridge.award;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A learner's awards, for registrars and integrators checking what CredBridge decided. */
@RestController
@RequestMapping("/api/learners")
class LearnerAwardsController {

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final ProgressReport progress;

    LearnerAwardsController(AwardLedger ledger, CredentialCatalog catalog, ProgressReport progress) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.progress = progress;
    }

    /** For every credential: which criteria the learner meets, with which events, and what is still missing. */
    @GetMapping("/{learnerId}/progress")
    List<ProgressReport.CredentialProgress> progress(@PathVariable String learnerId) {
        return progress.of(learnerId);
    }

    @GetMapping("/{learnerId}/awards")
    List<AwardView> awards(@PathVariable String learnerId) {
        return ledger.awardsOf(learnerId).stream().map(this::view).toList();
    }

    private AwardView view(AwardRecord award) {
        String name = catalog.find(award.credentialId())
                .map(CredentialDefinition::name)
                .orElse(null);
        return new AwardView(
                award.awardId(),
                award.credentialId(),
                award.credentialVersion(),
                name,
                award.status(),
                award.awardedAt(),
                award.earnedAt(),
                award.evidenceEventIds(),
                award.expiresAt(),
                award.endedAt(),
                award.endReason(),
                award.endedBy());
    }

    /**
     * @param status ACTIVE, REVOKED or EXPIRED; ended awards stay in the list as the learner's history
     * @param evidence ids of the learning events that earned the award
     */
    record AwardView(
            String awardId,
            String credentialId,
            int credentialVersion,
            String credentialName,
            String status,
            Instant awardedAt,
            Instant earnedAt,
            List<String> evidence,
            Instant expiresAt,
            Instant endedAt,
            String endReason,
            String endedBy) {}
}
