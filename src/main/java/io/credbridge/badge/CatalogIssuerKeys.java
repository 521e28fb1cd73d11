package io.credbridge.badge;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Stops startup when a credential of the catalog names an issuer that has no signing key: its badges could never be
 * published, and would only be found failing in the outbox after the first award.
 */
@Component
class CatalogIssuerKeys {

    CatalogIssuerKeys(CredentialCatalog catalog, Issuers issuers) {
        Map<String, List<String>> unsigned = new TreeMap<>(catalog.definitions().stream()
                .filter(definition -> issuers.all().stream()
                        .noneMatch(issuer ->
                                issuer.catalogId().equals(definition.issuer().id())))
                .collect(Collectors.groupingBy(
                        definition -> definition.issuer().id(),
                        Collectors.mapping(CredentialDefinition::id, Collectors.toList()))));
        if (!unsigned.isEmpty()) {
            throw new InvalidSigningConfigurationException(unsigned.entrySet().stream()
                            .map(issuer -> "issuer " + issuer.getKey() + " (of " + String.join(", ", issuer.getValue())
                                    + ") has no signing key")
                            .collect(Collectors.joining("; "))
                    + ": add each to credbridge.badge.issuers with its id, slug, name and key");
        }
    }
}
