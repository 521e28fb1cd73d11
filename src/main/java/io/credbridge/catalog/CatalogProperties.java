package io.credbridge.catalog;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param locations Spring resource patterns of the credential definition files, e.g.
 *     {@code file:/etc/credbridge/catalog/*.yaml}; the default is the bundled demo catalog.
 */
@Validated
@ConfigurationProperties("credbridge.catalog")
record CatalogProperties(
        @NotEmpty(
                message = "must name at least one location of credential definition files, e.g. "
                        + "file:/etc/credbridge/catalog/*.yaml")
        List<String> locations) {}
