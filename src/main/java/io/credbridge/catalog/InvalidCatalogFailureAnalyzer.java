package io.credbridge.catalog;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a rejected catalog into Spring Boot's startup report instead of a stack trace. */
class InvalidCatalogFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCatalogException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCatalogException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the credential definitions named above, or point credbridge.catalog.locations at the right files.",
                cause);
    }
}
