package io.credbridge.catalog;

import jakarta.validation.Validator;
import java.util.List;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Reads draft credential definitions, checked as strictly as the catalog's own files, for a dry run. */
@Component
public class CatalogDrafts {

    private final CredentialCatalogLoader loader;
    private final CredentialCatalog catalog;

    CatalogDrafts(ResourcePatternResolver resources, Validator validator, CredentialCatalog catalog) {
        this.loader = new CredentialCatalogLoader(resources, validator);
        this.catalog = catalog;
    }

    /**
     * @throws InvalidDraftException listing every problem, each naming the field
     */
    public CredentialDefinition read(String yamlOrJson) {
        try {
            return loader.readDraft(yamlOrJson, catalog);
        } catch (InvalidCatalogException e) {
            throw new InvalidDraftException(e.problems());
        }
    }

    /** A draft definition that would not load. */
    public static final class InvalidDraftException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final List<String> problems;

        InvalidDraftException(List<String> problems) {
            super("the draft definition has " + problems.size() + " problem(s)");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
