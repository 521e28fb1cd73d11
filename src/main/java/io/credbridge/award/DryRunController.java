package io.credbridge.award;

import io.credbridge.catalog.CatalogDrafts;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tries a draft credential definition on the learners' stored progress before it goes into the catalog. */
@RestController
@RequestMapping("/api/catalog")
class DryRunController {

    private final CatalogDrafts drafts;
    private final DryRun dryRun;

    DryRunController(CatalogDrafts drafts, DryRun dryRun) {
        this.drafts = drafts;
        this.dryRun = dryRun;
    }

    /** The body is one definition, as a catalog file holds it (YAML, or the same as JSON). */
    @PostMapping(
            path = "/dry-run",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "application/json", "text/plain"})
    DryRun.Result dryRun(@RequestBody String definition) {
        return dryRun.of(drafts.read(definition));
    }

    @ExceptionHandler(CatalogDrafts.InvalidDraftException.class)
    ProblemDetail invalid(CatalogDrafts.InvalidDraftException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("urn:credbridge:problem:invalid-draft"));
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
