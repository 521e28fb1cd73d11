package io.credbridge.ingest.moodle;

import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.SecretDigests;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * Tells which configured Moodle site a webhook's token belongs to. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, against every site without stopping at a match; a token never appears in an answer
 * or a log line.
 */
final class MoodleSites {

    static final String CHALLENGE = "Bearer realm=\"credbridge-moodle\"";
    private static final String BEARER = "bearer ";

    private final List<Digested> sites;

    MoodleSites(List<MoodleIngestProperties.Site> sites) {
        this.sites = sites.stream()
                .map(site -> new Digested(site.url(), SecretDigests.sha256(site.token())))
                .toList();
    }

    /**
     * @param authorization the request's Authorization header, or null
     * @param bodyToken the body's {@code token} field (local_webhooks sends it there), or null
     * @return the url of the site the token belongs to
     * @throws RejectedInputException 401 saying where the token is expected
     */
    String siteOf(String authorization, String bodyToken) {
        String token = null;
        if (authorization != null && !authorization.isBlank()) {
            String header = authorization.strip();
            if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                throw unauthenticated("the Authorization header is not a Bearer token; send the site's token as"
                        + " 'Authorization: Bearer <token>' or in the body's 'token' field");
            }
            token = header.substring(BEARER.length()).strip();
        } else if (bodyToken != null && !bodyToken.isBlank()) {
            token = bodyToken.strip();
        }
        if (token == null) {
            throw unauthenticated("the event carries no token: set the webhook's token (local_webhooks) or an"
                    + " 'Authorization: Bearer <token>' header (tool_trigger) to the token configured for the site in"
                    + " credbridge.ingest.moodle.sites");
        }
        byte[] presented = SecretDigests.sha256(token);
        String match = null;
        for (Digested site : sites) {
            if (MessageDigest.isEqual(presented, site.digest())) {
                match = site.url();
            }
        }
        if (match == null) {
            throw unauthenticated(
                    sites.isEmpty()
                            ? "no Moodle site is configured, so no token is accepted; list the site and its token in"
                                    + " credbridge.ingest.moodle.sites"
                            : "the token is not the token of any site configured in credbridge.ingest.moodle.sites");
        }
        return match;
    }

    private static RejectedInputException unauthenticated(String detail) {
        return RejectedInputException.unauthenticated("The Moodle event is not authenticated", detail, CHALLENGE);
    }

    private record Digested(String url, byte[] digest) {}
}
