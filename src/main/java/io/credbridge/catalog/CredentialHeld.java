package io.credbridge.catalog;

import jakarta.validation.constraints.NotBlank;
import java.util.stream.Stream;

/**
 * Met while the learner holds an active award of another credential: how badges stack into a certificate, and
 * certificates into larger ones, to any depth. The catalog refuses a reference to an unknown credential and a
 * chain of references that comes back to where it started.
 */
public record CredentialHeld(
        @NotBlank(message = "must name the id of a credential in the catalog")
        String credential) implements Criterion {

    static final String TYPE = "credential-held";

    @Override
    public String typeName() {
        return TYPE;
    }

    @Override
    public Stream<Requirement> requirements() {
        return Stream.empty();
    }

    @Override
    public Stream<String> credentialsHeld() {
        return Stream.of(credential);
    }

    @Override
    public String narrative() {
        return "Hold the credential " + credential + ".";
    }
}
