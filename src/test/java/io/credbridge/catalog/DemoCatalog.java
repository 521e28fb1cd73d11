package io.credbridge.catalog;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The bundled demo catalog, loaded as CredBridge loads it, for tests in other packages. */
public final class DemoCatalog {

    private DemoCatalog() {}

    public static List<CredentialDefinition> definitions() {
        return load("classpath:demo/catalog/*.yaml");
    }

    /** Another catalog for tests, e.g. {@code classpath:catalog-recognition/*.yaml}, loaded the same way. */
    public static List<CredentialDefinition> load(String location) {
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            return new CredentialCatalogLoader(new PathMatchingResourcePatternResolver(), validation.getValidator())
                    .load(List.of(location))
                    .definitions();
        }
    }
}
