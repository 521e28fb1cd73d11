package io.credbridge.award;

import io.credbridge.audit.AuditTrail;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A learner's awards, for registrars and integrators checking what CredBridge decided. */
@RestController
@RequestMapping("/api/learners")
class LearnerAwardsController {

    private final AwardLedger ledger;
    private final CredentialCatalog catalog;
    private final ProgressReport progress;
    private final AwardGrants grants;
    private final AuditTrail audit;

    LearnerAwardsController(
            AwardLedger ledger,
            CredentialCatalog catalog,
            ProgressReport progress,
            AwardGrants grants,
            AuditTrail audit) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.progress = progress;
        this.grants = grants;
        this.audit = audit;
    }

    /**
     * A manual or prior-learning award, granted in the name of the authenticated caller. The answer lists it first,
     * then the credentials stacked on it that it completed.
     */
    @PostMapping("/{learnerId}/awards")
    @ResponseStatus(HttpStatus.CREATED)
    List<AwardView> grant(
            @PathVariable @Size(max = 255, message = "must be at most 255 characters") String learnerId,
            @Valid @RequestBody GrantRequest request) {
        List<AwardView> granted = grants
                .grant(
                        learnerId,
                        request.credentialId(),
                        request.basis(),
                        request.reason(),
                        audit.actor().name(),
                        request.earnedAt())
                .stream()
                .map(award -> view(ledger.find(award.awardId()).orElseThrow()))
                .toList();
        audit.record(
                "award.grant",
                learnerId,
                request.reason(),
                request.basis() + " " + request.credentialId() + ": awarded "
                        + granted.stream()
                                .map(award -> award.credentialId() + " " + award.awardId())
                                .toList());
        return granted;
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
                award.endedBy(),
                award.basis(),
                award.grantedBy(),
                award.grantReason(),
                award.sisPersonId(),
                award.gradeAchieved());
    }

    /**
     * @param status ACTIVE, REVOKED or EXPIRED; ended awards stay in the list as the learner's history
     * @param basis EARNED by the catalog's criteria, or granted: MANUAL or PRIOR_LEARNING
     * @param evidence ids of the learning events that earned the award
     * @param gradeAchieved the score the learner's credential states as the grade achieved; null when none
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
            String endedBy,
            String basis,
            String grantedBy,
            String grantReason,
            String sisPersonId,
            GradeAchieved gradeAchieved) {}

    /**
     * @param basis MANUAL, or PRIOR_LEARNING the institution assessed
     * @param earnedAt when the learner achieved it; now when not given
     */
    record GrantRequest(
            @NotBlank(message = "must name the credential to award")
            String credentialId,

            @NotNull(message = "must be MANUAL or PRIOR_LEARNING")
            AwardGrants.Basis basis,

            @NotBlank(message = "must say why the award is granted") @Size(max = 1000)
            String reason,

            @PastOrPresent(message = "must not be in the future")
            Instant earnedAt) {}
}
