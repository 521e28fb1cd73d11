package io.credbridge.badge;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the issuers' signed revocation and suspension lists, public and unauthenticated, at the URL every credential names in
 * {@code credentialStatus.statusListCredential}. Verifiers may cache a list for a few minutes and revalidate it with
 * its ETag; a revocation is visible once their copy is older than that.
 */
@RestController
class StatusListController {

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final StatusListCredentials lists;

    StatusListController(StatusListCredentials lists) {
        this.lists = lists;
    }

    @GetMapping("/issuers/{slug}/status/{list}")
    ResponseEntity<String> statusList(@PathVariable String slug, @PathVariable int list) {
        return served(lists.of(StatusLists.Purpose.REVOCATION, slug, list));
    }

    /** The suspension list of the same number: same indexes, bits set while an award is suspended. */
    @GetMapping("/issuers/{slug}/suspension/{list}")
    ResponseEntity<String> suspensionList(@PathVariable String slug, @PathVariable int list) {
        return served(lists.of(StatusLists.Purpose.SUSPENSION, slug, list));
    }

    private static ResponseEntity<String> served(Optional<StatusListCredentials.PublishedList> list) {
        return list.map(published -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CACHE)
                        .eTag(published.etag())
                        .body(published.document()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
