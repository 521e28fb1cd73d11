package io.credbridge.transcript.rest;

import io.credbridge.transcript.SisCredentials;
import java.net.http.HttpRequest;

/** A fixed API key in a header; a 401 is not retried, since the same key would be sent again. */
final class ApiKeyHeader implements SisCredentials {

    private final RestSettings.ApiKey key;

    ApiKeyHeader(RestSettings.ApiKey key) {
        this.key = key;
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        request.setHeader(key.header(), key.value());
    }

    @Override
    public boolean refused() {
        return false;
    }
}
