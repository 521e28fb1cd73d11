package io.credbridge.badge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param achievementIdPrefix IRI prefix of the Open Badges Achievement ids; a credential's achievement id is
 *     {@code <prefix><credential id>/v<version>}, e.g. {@code https://credentials.example.edu/achievements/}
 * @param publicUrl where verifiers reach CredBridge; the issuers' did:web identifiers are derived from its host,
 *     e.g. {@code https://credentials.example.edu} gives {@code did:web:credentials.example.edu:issuers:<slug>}
 * @param forms the secured forms each credential is published in: {@code data-integrity} (an embedded
 *     eddsa-rdfc-2022 proof) and/or {@code jose} (a VC-JOSE compact JWS); both by default
 * @param contextsDirectory a directory with more JSON-LD contexts and their {@code pins.tsv}, beside the shipped
 *     ones; none by default
 * @param issuers one entry per issuing unit of the catalog, each with its own key
 * @param developmentKeys the embedded default's generated keys, for issuers configured without a key
 */
@Validated
@ConfigurationProperties("credbridge.badge")
record BadgeProperties(
        @NotBlank
        @Pattern(
                regexp = "^[A-Za-z][A-Za-z0-9+.-]*:\\S*$",
                message = "must be an absolute IRI prefix such as https://credentials.example.edu/achievements/")
        String achievementIdPrefix,

        @NotBlank(
                message =
                        "must be the public base URL verifiers reach CredBridge at, e.g. https://credentials.example.edu")
        @Pattern(
                regexp = "^https?://[^/\\s?#]+/?$",
                message = "must be a base URL without a path, such as https://credentials.example.edu")
        String publicUrl,

        @DefaultValue({"data-integrity", "jose"}) @NotEmpty(message = "must name data-integrity, jose or both")
        Set<SecuredForm> forms,

        Path contextsDirectory,

        @NotEmpty(
                message = "must list at least one issuer: id (the catalog issuer id it signs for), slug, name and"
                        + " key (id and jwk-file, pkcs8-file or env)")
        List<@Valid IssuerProperties> issuers,

        @DefaultValue @Valid DevelopmentKeys developmentKeys) {

    /** The forms of a secured credential that OB 3.0 defines. */
    enum SecuredForm {
        DATA_INTEGRITY,
        JOSE
    }

    /**
     * @param id the catalog's issuer id this issuer signs for (a definition's {@code issuer.id})
     * @param slug the path segment of its did:web document, {@code /issuers/<slug>/did.json}
     * @param key its current signing key; may be left out only where development keys are enabled
     * @param previousKeys keys it signed with before a rotation: published so older credentials still verify
     */
    record IssuerProperties(
            @NotBlank(
                    message =
                            "must be the catalog issuer id this issuer signs for, e.g. https://example.edu/issuers/ce")
            String id,

            @NotBlank
            @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "must be lower-case letters, digits and dashes")
            String slug,

            @NotBlank String name,
            String url,
            String email,
            String image,
            @Valid KeyProperties key,
            @DefaultValue List<@Valid KeyProperties> previousKeys) {}

    /**
     * One Ed25519 key, from exactly one source.
     *
     * @param id the key id verifiers see in the verification method ({@code <did>#<id>}) and the JWS {@code kid}
     * @param jwkFile a JWK (OKP, Ed25519) file; for a previous key the public part is enough
     * @param pkcs8File a PKCS#8 private key file, PEM or DER
     * @param env the name of an environment variable holding a JWK or a PKCS#8 PEM
     * @param publicKeyMultibase for a previous key only: its public key as a Multikey value
     */
    record KeyProperties(
            @NotBlank(message = "must name the key id, e.g. key-2026-11")
            @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "must be letters, digits, dots, dashes and underscores")
            String id,

            Path jwkFile,
            Path pkcs8File,
            String env,
            String publicKeyMultibase) {}

    /**
     * @param enabled generate a key for each issuer configured without one (the embedded default only)
     * @param directory where generated keys are kept, so they survive restarts
     */
    record DevelopmentKeys(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("credbridge-data/keys") Path directory) {}
}
