package io.credbridge.transcript.ethos;

import io.credbridge.transcript.BearerTokens;
import io.credbridge.transcript.SisHttp;
import io.credbridge.transcript.TransientSisFailure;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Ethos sign-in: {@code POST /auth} with the API key as bearer token answers the session token as a bare string
 * (not JSON). The lifetime is asked for explicitly ({@code expirationMinutes}) because the server default is a few
 * minutes and not announced in the token's answer.
 */
final class EthosAuthentication implements BearerTokens.TokenSource {

    private final SisHttp http;
    private final URI authUri;
    private final EthosSettings settings;

    EthosAuthentication(SisHttp unauthenticated, EthosSettings settings) {
        this.http = unauthenticated;
        this.settings = settings;
        this.authUri = EthosUris.of(
                settings.baseUrl(),
                "/auth?expirationMinutes=" + settings.tokenLifetime().toMinutes());
    }

    @Override
    public BearerTokens.IssuedToken fetch() {
        HttpResponse<String> response =
                http.send("POST", authUri, "", Map.of("Authorization", "Bearer " + settings.apiKey()));
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new TransientSisFailure("Ethos refused the API key (HTTP " + status
                    + "): check credbridge.transcript.ethos.api-key and that its application is enabled");
        }
        if (status != 200 || response.body().isBlank()) {
            throw new TransientSisFailure("Ethos sign-in (POST /auth) answered HTTP " + status);
        }
        return new BearerTokens.IssuedToken(response.body().strip(), settings.tokenLifetime());
    }
}
