package io.credbridge.award;

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

    AwardAdminController(AwardRevocation revocation) {
        this.revocation = revocation;
    }

    /** Revokes the award and every award stacked on it that no longer holds without it. */
    @PostMapping("/{awardId}/revoke")
    RevocationView revoke(@PathVariable String awardId, @Valid @RequestBody RevokeRequest request) {
        return new RevocationView(revocation.revoke(awardId, request.reason(), request.actor()).stream()
                .map(revoked -> new RevokedView(
                        revoked.award().awardId(),
                        revoked.award().learnerId(),
                        revoked.credentialId(),
                        AwardEndings.REVOKED,
                        revoked.reason()))
                .toList());
    }

    /**
     * @param reason why, in the registrar's words; it travels to the SIS row and the badge event
     * @param actor who revokes it (a name from the request until the admin API authenticates its callers)
     */
    record RevokeRequest(
            @NotBlank(message = "must say why the award is revoked") @Size(max = 1000)
            String reason,

            @NotBlank(message = "must name who revokes the award") @Size(max = 255)
            String actor) {}

    record RevocationView(List<RevokedView> revoked) {}

    record RevokedView(String awardId, String learnerId, String credentialId, String status, String reason) {}
}
