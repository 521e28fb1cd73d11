package io.credbridge.award;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
                        AwardRevocation.REVOKED,
                        revoked.reason()))
                .toList());
    }

    @ExceptionHandler(AwardRevocation.AwardNotFoundException.class)
    ProblemDetail notFound(AwardRevocation.AwardNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "award-not-found", e.getMessage());
    }

    @ExceptionHandler(AwardRevocation.AwardNotActiveException.class)
    ProblemDetail notActive(AwardRevocation.AwardNotActiveException e) {
        return problem(HttpStatus.CONFLICT, "award-not-active", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "pointer", "/" + error.getField(),
                        "detail", error.getField() + " " + error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                errors.size() + " problem(s) found in the request; nothing was changed");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:credbridge:problem:" + type));
        return problem;
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
