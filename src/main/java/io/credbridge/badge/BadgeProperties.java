package io.credbridge.badge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param achievementIdPrefix IRI prefix of the Open Badges Achievement ids; a credential's achievement id is
 *     {@code <prefix><credential id>/v<version>}, e.g. {@code https://credentials.example.edu/achievements/}
 */
@Validated
@ConfigurationProperties("credbridge.badge")
record BadgeProperties(
        @NotBlank
        @Pattern(
                regexp = "^[A-Za-z][A-Za-z0-9+.-]*:\\S*$",
                message = "must be an absolute IRI prefix such as https://credentials.example.edu/achievements/")
        String achievementIdPrefix) {}
