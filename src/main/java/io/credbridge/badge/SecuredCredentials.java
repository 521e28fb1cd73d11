package io.credbridge.badge;

import com.apicatalog.jsonld.json.JsonProvider;
import io.credbridge.award.AwardChange;
import io.credbridge.badge.BadgeProperties.SecuredForm;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Set;

/**
 * Signs an award's credential in the configured forms with its issuer's current key. The proof's {@code created}
 * is the award time, Ed25519 is deterministic and the award keeps its status list entry, so a redelivered event
 * carries byte-identical credentials. Taking the entry sets the award's revocation bit when the change revokes it.
 */
final class SecuredCredentials {

    private final OpenBadgeCredentials credentials;
    private final Issuers issuers;
    private final DataIntegrityProofs proofs;
    private final VcJoseCredentials jose;
    private final Set<SecuredForm> forms;
    private final CredentialStatuses statuses;

    SecuredCredentials(
            OpenBadgeCredentials credentials,
            Issuers issuers,
            DataIntegrityProofs proofs,
            VcJoseCredentials jose,
            Set<SecuredForm> forms,
            CredentialStatuses statuses) {
        this.credentials = credentials;
        this.issuers = issuers;
        this.proofs = proofs;
        this.jose = jose;
        this.forms = Set.copyOf(forms);
        this.statuses = statuses;
    }

    SecuredCredential of(AwardChange award) {
        String document = credentials.of(award, statuses.entryFor(award)).toString();
        Issuer issuer = issuers.forCatalogIssuer(award.issuerId());
        String dataIntegrity = forms.contains(SecuredForm.DATA_INTEGRITY)
                ? proofs.sign(parse(document), issuer.signingKey(), issuer.verificationMethod(), award.awardedAt())
                        .toString()
                : null;
        String jwt = forms.contains(SecuredForm.JOSE) ? jose.sign(document, issuer) : null;
        return new SecuredCredential(document, dataIntegrity, jwt);
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = JsonProvider.instance().createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
