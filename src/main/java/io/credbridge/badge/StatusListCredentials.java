package io.credbridge.badge;

import com.apicatalog.jsonld.json.JsonProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed status list credentials (W3C BitstringStatusListCredential, VC 2.0) the issuers publish. Signing
 * canonicalizes RDF, so a list is signed again only when one of its bits changed, and served from memory until
 * then. The proof's {@code created} is the time of that change, so every instance signs a list identically. Each
 * list is also secured as VC-JOSE, a compact JWS of the same credential without the proof, for verifiers that ask
 * for {@code application/vc+jwt}.
 */
final class StatusListCredentials {

    private final ObjectMapper json = new ObjectMapper();
    private final StatusLists lists;
    private final Issuers issuers;
    private final DataIntegrityProofs proofs;
    private final VcJoseCredentials jose;
    private final Map<String, PublishedList> signed = new ConcurrentHashMap<>();

    StatusListCredentials(StatusLists lists, Issuers issuers, DataIntegrityProofs proofs, VcJoseCredentials jose) {
        this.lists = lists;
        this.issuers = issuers;
        this.proofs = proofs;
        this.jose = jose;
    }

    /** The issuer's revocation list as published; empty when there is no such issuer or list. */
    Optional<PublishedList> of(String issuerSlug, int list) {
        return of(StatusLists.Purpose.REVOCATION, issuerSlug, list);
    }

    /** The issuer's list of that purpose as published; empty when there is no such issuer or list. */
    Optional<PublishedList> of(StatusLists.Purpose purpose, String issuerSlug, int list) {
        Optional<Issuer> issuer = issuers.all().stream()
                .filter(each -> each.slug().equals(issuerSlug))
                .findFirst();
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        return lists.state(purpose, issuerSlug, list).map(state -> {
            String key = purpose + "/" + issuerSlug + "/" + list;
            PublishedList cached = signed.get(key);
            if (cached != null && cached.revision() == state.revision()) {
                return cached;
            }
            PublishedList fresh = sign(purpose, issuer.get(), list, state);
            signed.put(key, fresh);
            return fresh;
        });
    }

    private PublishedList sign(StatusLists.Purpose purpose, Issuer issuer, int list, StatusLists.ListState state) {
        String url = lists.url(purpose, issuer.slug(), list);
        ObjectNode credential = json.createObjectNode();
        credential.putArray("@context").add(OpenBadgeCredentials.VC_CONTEXT);
        credential.put("id", url);
        credential.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        credential.put("issuer", issuer.did());
        credential.put("validFrom", state.changedAt().toString());
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.statusPurpose);
        subject.put("encodedList", Bitstring.encode(state.setIndexes(), lists.listLength()));
        String unsigned = credential.toString();
        String document = proofs.sign(
                        parse(unsigned), issuer.signingKey(), issuer.verificationMethod(), state.changedAt())
                .toString();
        String jwt = jose.sign(unsigned, issuer);
        return new PublishedList(state.revision(), document, etag(document), jwt, etag(jwt));
    }

    private static String etag(String document) {
        byte[] hash = DataIntegrityProofs.hash(document);
        return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
    }

    private static JsonObject parse(String document) {
        try (JsonReader reader = JsonProvider.instance().createReader(new StringReader(document))) {
            return reader.readObject();
        }
    }

    /**
     * @param revision the list's revision it was signed at
     * @param document the BitstringStatusListCredential with its Data Integrity proof
     * @param etag a strong entity tag of the document
     * @param jwt the same credential (without the proof) as a VC-JOSE compact JWS
     * @param jwtEtag a strong entity tag of the JWS
     */
    record PublishedList(int revision, String document, String etag, String jwt, String jwtEtag) {}
}
