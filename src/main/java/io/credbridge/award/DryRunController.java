package io.credbridge.award;

import io.credbridge.catalog.CatalogDrafts;
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
}
