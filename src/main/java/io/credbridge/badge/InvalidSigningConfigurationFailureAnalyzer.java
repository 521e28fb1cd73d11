package io.credbridge.badge;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable key or context into Spring Boot's startup report instead of a stack trace. */
class InvalidSigningConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSigningConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSigningConfigurationException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the credbridge.badge setting named above (README, \"Signed credentials\"). On the embedded"
                        + " default, leave an issuer's key out to have a development key generated.",
                cause);
    }
}
