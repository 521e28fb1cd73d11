package io.credbridge.catalog;

import jakarta.validation.Validator;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Reads draft credential definitions, checked as strictly as the catalog's own files, for a dry run. */
@Component
public class CatalogDrafts {

    private final CredentialCatalogLoader loader;
    private final CredentialCatalog catalog;

    CatalogDrafts(
            ResourcePatternResolver resources,
            Validator validator,
            CredentialCatalog catalog,
            CatalogProperties properties) {
        this.loader = new CredentialCatalogLoader(resources, validator, properties.terms());
        this.catalog = catalog;
    }

    /**
     * @throws InvalidCatalogException listing every problem of the draft, each naming the field
     */
    public CredentialDefinition read(String yamlOrJson) {
        return loader.readDraft(yamlOrJson, catalog);
    }
}
