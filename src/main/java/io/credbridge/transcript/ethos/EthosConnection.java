package io.credbridge.transcript.ethos;

import io.credbridge.transcript.BearerTokens;
import io.credbridge.transcript.SisCredentials;
import io.credbridge.transcript.SisHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls to one Ethos tenant: the session token on every call, and the same versioned media type as Accept and
 * Content-Type, as Ellucian's own SDK sends them (a write without an explicit version may be refused or land on
 * another version of the resource).
 */
final class EthosConnection {

    static final String TARGET = "ethos";

    private final URI base;
    private final SisHttp http;

    EthosConnection(URI base, SisHttp http) {
        this.base = base;
        this.http = http;
    }

    static EthosConnection of(EthosSettings settings, Clock clock) {
        HttpClient client = SisHttp.client(settings.connectTimeout());
        SisHttp signIn = new SisHttp(TARGET, client, SisCredentials.NONE, settings.requestTimeout());
        BearerTokens tokens =
                new BearerTokens(new EthosAuthentication(signIn, settings), settings.tokenRefreshMargin(), clock);
        return new EthosConnection(settings.baseUrl(), new SisHttp(TARGET, client, tokens, settings.requestTimeout()));
    }

    /** @param body the JSON body, or null */
    HttpResponse<String> send(String method, String pathAndQuery, String mediaType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", mediaType);
        if (body != null) {
            headers.put("Content-Type", mediaType);
        }
        return http.send(method, EthosUris.of(base, pathAndQuery), body, headers);
    }
}
