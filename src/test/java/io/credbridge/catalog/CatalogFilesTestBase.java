package io.credbridge.catalog;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Catalog files written into a fresh folder per test and loaded as CredBridge loads them at startup. */
abstract class CatalogFilesTestBase {

    static final String C1 = "https://lms.example.edu/courses/1";
    static final String C2 = "https://lms.example.edu/courses/2";
    static final String EXAM = "https://lms.example.edu/assessments/exam";

    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    @TempDir
    Path dir;

    final CredentialCatalogLoader loader =
            new CredentialCatalogLoader(new PathMatchingResourcePatternResolver(), validation.getValidator());

    @AfterAll
    static void closeValidation() {
        validation.close();
    }

    CredentialCatalog load() {
        return loader.load(List.of(dir.toUri() + "*.yaml"));
    }

    void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }

    /** A certificate with these criteria (YAML list items) and nothing else. */
    static String definition(String id, String criteria) {
        return definition(id, id, criteria);
    }

    static String definition(String id, String name, String criteria) {
        return """
                id: %s
                version: 1
                name: %s
                kind: certificate
                issuer:
                  id: https://credentials.example.edu/issuers/ce
                  name: Example University
                criteria:
                %s""".formatted(id, name, criteria);
    }
}
