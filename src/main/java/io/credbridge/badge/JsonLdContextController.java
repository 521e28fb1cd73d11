package io.credbridge.badge;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves CredBridge's own JSON-LD contexts, public and unauthenticated, at the URL the credentials name, so a
 * verifier that fetches contexts finds them beside the issuers' did:web documents. The bytes are exactly the pinned
 * file: a context is versioned by its URL and never changes, so it may be cached for a day. Any origin may read it,
 * as JSON-LD 1.1 asks of context servers, so verifiers running in a browser can load it too.
 */
@RestController
class JsonLdContextController {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final JsonLdContexts contexts;

    JsonLdContextController(JsonLdContexts contexts) {
        this.contexts = contexts;
    }

    @GetMapping("/contexts/{file}")
    ResponseEntity<byte[]> context(@PathVariable String file) {
        return contexts.served("/contexts/" + file)
                .map(bytes -> ResponseEntity.ok()
                        .contentType(JSON_LD)
                        .cacheControl(CACHE)
                        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                        .body(bytes))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
