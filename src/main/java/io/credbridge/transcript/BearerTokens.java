package io.credbridge.transcript;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token fetched from the SIS's token endpoint and used until shortly before it expires, so that no call
 * goes out with a token that dies on the way; a 401 drops it, and the call is made once more with a new one.
 */
public final class BearerTokens implements SisCredentials {

    /** Fetches a new token: Ethos {@code POST /auth}, or an OAuth 2.0 token endpoint. */
    @FunctionalInterface
    public interface TokenSource {
        IssuedToken fetch();
    }

    /** @param lifetime how long the token is good for from now */
    public record IssuedToken(String value, Duration lifetime) {}

    private final TokenSource source;
    private final Duration refreshMargin;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    public BearerTokens(TokenSource source, Duration refreshMargin, Clock clock) {
        this.source = source;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        request.setHeader("Authorization", "Bearer " + current());
    }

    @Override
    public synchronized boolean refused() {
        token = null;
        return true;
    }

    synchronized String current() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            IssuedToken issued = source.fetch();
            token = issued.value();
            // A token shorter-lived than the margin is still used once rather than fetched before every call.
            Duration usable = issued.lifetime().minus(refreshMargin);
            refreshAt = now.plus(usable.isNegative() ? Duration.ZERO : usable);
        }
        return token;
    }
}
