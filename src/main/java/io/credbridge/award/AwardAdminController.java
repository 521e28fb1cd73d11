package io.credbridge.award;

import io.credbridge.audit.AuditTrail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registrar's controls over single awards. */
@RestController
@RequestMapping("/api/awards")
class AwardAdminController {

    private final AwardRevocation revocation;
    private final AwardSuspension suspension;
    private final AuditTrail audit;

    AwardAdminController(AwardRevocation revocation, AwardSuspension suspension, AuditTrail audit) {
        this.revocation = revocation;
        this.suspension = suspension;
        this.audit = audit;
    }

    /**
     * Revokes the award and every award stacked on it that no longer holds without it, in the name of the
     * authenticated caller.
     */
    @PostMapping("/{awardId}/revoke")
    RevocationView revoke(@PathVariable String awardId, @Valid @RequestBody RevokeRequest request) {
        RevocationView view = new RevocationView(
                revocation.revoke(awardId, request.reason(), audit.actor().name()).stream()
                        .map(revoked -> new RevokedView(
                                revoked.award().awardId(),
                                revoked.award().learnerId(),
                                revoked.credentialId(),
                                AwardEndings.REVOKED,
                                revoked.reason()))
                        .toList());
        audit.record(
                "award.revoke",
                awardId,
                request.reason(),
                "revoked " + view.revoked().stream().map(RevokedView::awardId).toList());
        return view;
    }

    /**
     * Suspends the award (its definition must allow it): the credential's suspension bit is set and a SUSPENDED badge
     * event goes out; the award itself stays held.
     */
    @PostMapping("/{awardId}/suspend")
    SuspensionView suspend(@PathVariable String awardId, @Valid @RequestBody SuspensionRequest request) {
        AwardRecord award =
                suspension.suspend(awardId, request.reason(), audit.actor().name());
        audit.record("award.suspend", awardId, request.reason(), "suspended");
        return new SuspensionView(award.awardId(), award.learnerId(), award.credentialId(), true, request.reason());
    }

    /** Ends the award's suspension: the bit is cleared and a REINSTATED badge event goes out. */
    @PostMapping("/{awardId}/reinstate")
    SuspensionView reinstate(@PathVariable String awardId, @Valid @RequestBody SuspensionRequest request) {
        AwardRecord award =
                suspension.reinstate(awardId, request.reason(), audit.actor().name());
        audit.record("award.reinstate", awardId, request.reason(), "reinstated");
        return new SuspensionView(award.awardId(), award.learnerId(), award.credentialId(), false, request.reason());
    }

    /** @param reason why, in the registrar's words; it travels to the badge event */
    record SuspensionRequest(
            @NotBlank(message = "must say why the award is suspended or reinstated") @Size(max = 1000)
            String reason) {}

    record SuspensionView(String awardId, String learnerId, String credentialId, boolean suspended, String reason) {}

    /** @param reason why, in the registrar's words; it travels to the SIS row and the badge event */
    record RevokeRequest(
            @NotBlank(message = "must say why the award is revoked") @Size(max = 1000)
            String reason) {}

    record RevocationView(List<RevokedView> revoked) {}

    record RevokedView(String awardId, String learnerId, String credentialId, String status, String reason) {}
}
