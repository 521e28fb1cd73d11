package io.credbridge.transcript;

import java.net.http.HttpRequest;

/** How CredBridge proves who it is to a SIS: a bearer token it fetched, or a fixed API key header. */
public interface SisCredentials {

    /** Nothing to add: for calls that carry their own credentials (the token request itself). */
    SisCredentials NONE = new SisCredentials() {
        @Override
        public void authorize(HttpRequest.Builder request) {}

        @Override
        public boolean refused() {
            return false;
        }
    };

    void authorize(HttpRequest.Builder request);

    /**
     * The SIS answered 401. Returns true when asking again can help (a cached token was dropped and the next call
     * fetches a new one), false when the same credentials would be sent again.
     */
    boolean refused();
}
