package io.credbridge.badge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the issuers' signed revocation and suspension lists, public and unauthenticated, at the URL every credential names in
 * {@code credentialStatus.statusListCredential}. Verifiers may cache a list for a few minutes and revalidate it with
 * its ETag; a revocation is visible once their copy is older than that. The same URL answers with the VC-JOSE form
 * (a compact JWS, {@code application/vc+jwt}) to a verifier that asks for it in {@code Accept}.
 */
@RestController
class StatusListController {

    /** The VC-JOSE media type (W3C Securing Verifiable Credentials using JOSE and COSE). */
    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

    private static final List<MediaType> JSON_FORMS = List.of(
            MediaType.APPLICATION_JSON,
            MediaType.parseMediaType("application/ld+json"),
            MediaType.parseMediaType("application/vc"),
            MediaType.parseMediaType("application/vc+ld+json"));

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final StatusListCredentials lists;

    StatusListController(StatusListCredentials lists) {
        this.lists = lists;
    }

    @GetMapping("/issuers/{slug}/status/{list}")
    ResponseEntity<String> statusList(
            @PathVariable String slug,
            @PathVariable int list,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return served(lists.of(StatusLists.Purpose.REVOCATION, slug, list), accept);
    }

    /** The suspension list of the same number: same indexes, bits set while an award is suspended. */
    @GetMapping("/issuers/{slug}/suspension/{list}")
    ResponseEntity<String> suspensionList(
            @PathVariable String slug,
            @PathVariable int list,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return served(lists.of(StatusLists.Purpose.SUSPENSION, slug, list), accept);
    }

    private static ResponseEntity<String> served(Optional<StatusListCredentials.PublishedList> list, String accept) {
        boolean jwt = prefersJwt(accept);
        return list.map(published -> ResponseEntity.ok()
                        .contentType(jwt ? VC_JWT : MediaType.APPLICATION_JSON)
                        .cacheControl(CACHE)
                        .varyBy(HttpHeaders.ACCEPT)
                        .eTag(jwt ? published.jwtEtag() : published.etag())
                        .body(jwt ? published.jwt() : published.document()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /**
     * Whether the caller asks for the VC-JOSE form: it names {@code application/vc+jwt} with a quality above every
     * JSON type it names (on a tie, the one it lists first). Anything else, wildcards and an unreadable header
     * included, gets the JSON form with its Data Integrity proof, as before the JOSE form existed.
     */
    static boolean prefersJwt(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double jwt = 0;
        double json = 0;
        boolean jwtFirst = false;
        for (MediaType type : types) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.equalsTypeAndSubtype(VC_JWT)) {
                jwtFirst |= json == 0 && jwt == 0;
                jwt = Math.max(jwt, type.getQualityValue());
            } else if (JSON_FORMS.stream().anyMatch(type::equalsTypeAndSubtype)) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return jwt > 0 && (jwt > json || (jwt == json && jwtFirst));
    }
}
