package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A credential that can be earned; its awards expire as {@code validity} says, or never. A {@code retired}
 * definition earns no new awards; the awards made under it stay. {@code transcript} says whether its awards are
 * written to the SIS as they happen, after a registrar's review, or never. It is awarded when every criterion in {@code criteria} is met (each may be a
 * group or another credential); an award records the {@code version} it was made under. {@code fieldOfStudy} and
 * {@code image} only describe it, in the Open Badges credential. A {@code suspendable} one lets a registrar suspend
 * an award and reinstate it; its credentials carry a second status entry, on the issuer's suspension list.
 */
public record CredentialDefinition(
        @NotBlank
        @Pattern(
                regexp = "^[a-z0-9][a-z0-9-]{0,127}$",
                message = "must be lower-case letters, digits and dashes, at most 128 characters")
        String id,

        @NotNull @Positive Integer version,
        @NotBlank String name,
        String description,

        @NotNull(message = "must be 'badge', 'certificate' or 'certification'")
        CredentialKind kind,

        @NotNull @Valid Issuer issuer,

        @NotEmpty(message = "must list at least one criterion")
        List<@NotNull @Valid Criterion> criteria,

        Validity validity,
        String level,
        List<@NotNull @Valid Alignment> competencies,
        @Valid Credit credit,
        @Valid EuMicroCredential euMicroCredential,
        Boolean retired,
        RegressionPolicy onRegression,
        TranscriptPolicy transcript,
        String fieldOfStudy,

        @Pattern(
                regexp = Iris.ABSOLUTE,
                message =
                        "must be the absolute URL of the badge image, e.g. https://credentials.example.edu/badges/sql.png")
        String image,

        Boolean suspendable) {

    public CredentialDefinition {
        criteria = criteria == null ? null : List.copyOf(criteria);
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
        retired = Boolean.TRUE.equals(retired);
        onRegression = onRegression == null ? RegressionPolicy.REVOKE : onRegression;
        transcript = transcript == null ? TranscriptPolicy.AUTO : transcript;
        suspendable = Boolean.TRUE.equals(suspendable);
    }

    /** The EU micro-credential elements (Annex I) this definition does not give; all of them without the block. */
    public List<String> missingEuMandatoryElements() {
        return euMicroCredential == null ? EuMicroCredential.allMandatory() : euMicroCredential.missingMandatory();
    }

    /** When an award earned at {@code earnedAt} expires; empty when the credential never expires. */
    public Optional<Instant> expiryFor(Instant earnedAt) {
        return Optional.ofNullable(validity).map(valid -> valid.expiryFor(earnedAt));
    }

    /** The earliest an award can have been earned and still hold at {@code now}; empty when that is any time. */
    public Optional<Instant> earliestEarnedAtHoldingAt(Instant now) {
        return Optional.ofNullable(validity).flatMap(valid -> valid.earliestEarnedAtHoldingAt(now));
    }

    /** What lets others read and recognise it, as its awards carry it to the badge side. */
    public Recognition recognition() {
        return new Recognition(level, fieldOfStudy, image, competencies, credit, euMicroCredential);
    }

    /** All of {@link #criteria()}, as one criterion. */
    public Criterion allCriteria() {
        return new AllOf(criteria);
    }
}
