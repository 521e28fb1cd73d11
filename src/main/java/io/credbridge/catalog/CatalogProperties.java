package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param locations Spring resource patterns of the credential definition files, e.g.
 *     {@code file:/etc/credbridge/catalog/*.yaml}; the default is the bundled demo catalog.
 * @param terms named terms a requirement's window can name, e.g. {@code fall-2026: {from: 2026-09-01, to:
 *     2026-12-20}}
 */
@Validated
@ConfigurationProperties("credbridge.catalog")
record CatalogProperties(
        @NotEmpty(
                message = "must name at least one location of credential definition files, e.g. "
                        + "file:/etc/credbridge/catalog/*.yaml")
        List<String> locations,

        Map<String, @Valid Term> terms) {

    CatalogProperties {
        terms = terms == null ? Map.of() : Map.copyOf(terms);
    }
}
