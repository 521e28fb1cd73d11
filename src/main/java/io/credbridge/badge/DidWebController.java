package io.credbridge.badge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the issuers' did:web documents and JWK sets, public and unauthenticated, so any verifier can resolve the
 * keys a credential names. Written as JSON text here: the documents are Jackson 2 trees, and Spring MVC writes
 * with Jackson 3.
 */
@RestController
class DidWebController {

    private static final CacheControl CACHE =
            CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic();

    private final DidDocuments documents;

    DidWebController(DidDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/.well-known/did.json")
    ResponseEntity<String> hostDid() {
        return ok(documents.hostDocument());
    }

    @GetMapping("/issuers/{slug}/did.json")
    ResponseEntity<String> issuerDid(@PathVariable String slug) {
        return documents
                .issuerDocument(slug)
                .map(DidWebController::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<String> jwks() {
        return ok(documents.jwks());
    }

    @GetMapping("/issuers/{slug}/jwks.json")
    ResponseEntity<String> issuerJwks(@PathVariable String slug) {
        return documents
                .issuerJwks(slug)
                .map(DidWebController::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<String> ok(ObjectNode document) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CACHE)
                .body(document.toString());
    }
}
