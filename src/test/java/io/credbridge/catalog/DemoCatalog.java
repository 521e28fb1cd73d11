package io.credbridge.catalog;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The bundled demo catalog, loaded as CredBridge loads it, for tests in other packages. */
public final class DemoCatalog {

    private DemoCatalog() {}

    public static List<CredentialDefinition> definitions() {
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            return new CredentialCatalogLoader(new PathMatchingResourcePatternResolver(), validation.getValidator())
                    .load(List.of("classpath:demo/catalog/*.yaml"))
                    .definitions();
        }
    }
}
