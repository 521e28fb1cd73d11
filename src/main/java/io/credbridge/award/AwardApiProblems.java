package io.credbridge.award;

import io.credbridge.catalog.InvalidCatalogException;
import io.credbridge.ops.ProblemDetails;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the award APIs, naming the field at fault where there is one. Request mistakes
 * common to every API (bad fields, unreadable bodies, parameters) are answered by {@code ops.RequestProblems}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
        assignableTypes = {AwardAdminController.class, LearnerAwardsController.class, DryRunController.class})
class AwardApiProblems {

    @ExceptionHandler(AwardRevocation.AwardNotFoundException.class)
    ProblemDetail notFound(AwardRevocation.AwardNotFoundException e) {
        return ProblemDetails.of(HttpStatus.NOT_FOUND, "award-not-found", e.getMessage());
    }

    @ExceptionHandler(AwardRevocation.AwardNotActiveException.class)
    ProblemDetail notActive(AwardRevocation.AwardNotActiveException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, "award-not-active", e.getMessage());
    }

    @ExceptionHandler(AwardSuspension.SuspensionRefusedException.class)
    ProblemDetail suspensionRefused(AwardSuspension.SuspensionRefusedException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, "award-suspension-refused", e.getMessage());
    }

    @ExceptionHandler(AwardGrants.AlreadyHeldException.class)
    ProblemDetail alreadyHeld(AwardGrants.AlreadyHeldException e) {
        return ProblemDetails.of(HttpStatus.CONFLICT, "award-already-held", e.getMessage());
    }

    @ExceptionHandler(AwardGrants.UnknownCredentialException.class)
    ProblemDetail unknownCredential(AwardGrants.UnknownCredentialException e) {
        return ProblemDetails.invalidInput(List.of(Map.of("pointer", "/credentialId", "detail", e.getMessage())));
    }

    @ExceptionHandler(InvalidCatalogException.class)
    ProblemDetail invalidDraft(InvalidCatalogException e) {
        ProblemDetail problem = ProblemDetails.of(
                HttpStatus.BAD_REQUEST,
                "invalid-draft",
                "the draft definition has " + e.problems().size() + " problem(s); nothing was tried");
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
