package io.credbridge.catalog;

import java.util.List;

/** Credential definitions for tests: a badge by Example University with only what a test names. */
public final class Definitions {

    public static final Issuer ISSUER = new Issuer("https://credentials.example.edu", "Example University");

    private Definitions() {}

    public static CredentialDefinition badge(String id, Criterion... criteria) {
        return badge(id, id, null, criteria);
    }

    /** A badge with a name of its own, transcripted as {@code transcript} says (null: the default, auto). */
    public static CredentialDefinition badge(
            String id, String name, TranscriptPolicy transcript, Criterion... criteria) {
        return new CredentialDefinition(
                id,
                1,
                name,
                null,
                CredentialKind.BADGE,
                ISSUER,
                List.of(criteria),
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                transcript,
                null,
                null,
                null);
    }

    /** The definition as it reads in another version of the catalog, e.g. a retired or renamed one. */
    public static CredentialDefinition asVersion(
            CredentialDefinition definition, int version, String name, boolean retired) {
        return copy(definition, version, name, definition.validity(), retired, definition.onRegression());
    }

    public static CredentialDefinition withValidity(CredentialDefinition definition, Validity validity) {
        return copy(
                definition,
                definition.version(),
                definition.name(),
                validity,
                definition.retired(),
                definition.onRegression());
    }

    /** The definition as another issuing unit issues it, e.g. a college whose records live in a SIS of its own. */
    public static CredentialDefinition withIssuer(CredentialDefinition definition, Issuer issuer) {
        return with(definition, issuer, definition.transcript(), definition.suspendable());
    }

    /** The definition with the transcript policy, e.g. one whose entries wait for the registrar's review. */
    public static CredentialDefinition withTranscript(CredentialDefinition definition, TranscriptPolicy policy) {
        return with(definition, definition.issuer(), policy, definition.suspendable());
    }

    private static CredentialDefinition with(
            CredentialDefinition definition, Issuer issuer, TranscriptPolicy policy, boolean suspendable) {
        return new CredentialDefinition(
                definition.id(),
                definition.version(),
                definition.name(),
                definition.description(),
                definition.kind(),
                issuer,
                definition.criteria(),
                definition.validity(),
                definition.level(),
                definition.competencies(),
                definition.credit(),
                definition.euMicroCredential(),
                definition.retired(),
                definition.onRegression(),
                policy,
                definition.fieldOfStudy(),
                definition.image(),
                suspendable);
    }

    /** The definition with suspension allowed: a registrar may suspend its awards and reinstate them. */
    public static CredentialDefinition suspendable(CredentialDefinition definition) {
        return with(definition, definition.issuer(), definition.transcript(), true);
    }

    public static CredentialDefinition keptOnRegression(CredentialDefinition definition) {
        return copy(
                definition,
                definition.version(),
                definition.name(),
                definition.validity(),
                definition.retired(),
                RegressionPolicy.KEEP);
    }

    private static CredentialDefinition copy(
            CredentialDefinition definition,
            int version,
            String name,
            Validity validity,
            boolean retired,
            RegressionPolicy onRegression) {
        return new CredentialDefinition(
                definition.id(),
                version,
                name,
                definition.description(),
                definition.kind(),
                definition.issuer(),
                definition.criteria(),
                validity,
                definition.level(),
                definition.competencies(),
                definition.credit(),
                definition.euMicroCredential(),
                retired,
                onRegression,
                definition.transcript(),
                definition.fieldOfStudy(),
                definition.image(),
                definition.suspendable());
    }
}
