package io.credbridge.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The organization that issues a credential, as badging platforms and transcripts show it. */
public record Issuer(
        @NotBlank @Pattern(regexp = Iris.ABSOLUTE, message = Iris.MESSAGE)
        String id,

        @NotBlank String name) {}
