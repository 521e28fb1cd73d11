package io.credbridge.transcript.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.ops.PersonalData;
import io.credbridge.transcript.BearerTokens;
import io.credbridge.transcript.SisHttp;
import io.credbridge.transcript.TransientSisFailure;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4) with the client authenticated by HTTP Basic, as most token
 * endpoints accept. A token answer without {@code expires_in} is used for five minutes.
 */
final class OAuth2ClientCredentials implements BearerTokens.TokenSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration UNANNOUNCED_LIFETIME = Duration.ofMinutes(5);

    private final SisHttp http;
    private final RestSettings.OAuth2 settings;

    OAuth2ClientCredentials(SisHttp unauthenticated, RestSettings.OAuth2 settings) {
        this.http = unauthenticated;
        this.settings = settings;
    }

    @Override
    public BearerTokens.IssuedToken fetch() {
        String form = "grant_type=client_credentials"
                + (settings.scope() == null || settings.scope().isBlank()
                        ? ""
                        : "&scope=" + URLEncoder.encode(settings.scope(), StandardCharsets.UTF_8));
        String client = URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                "POST",
                settings.tokenUrl(),
                form,
                Map.of(
                        "Content-Type", "application/x-www-form-urlencoded",
                        "Accept", "application/json",
                        "Authorization",
                                "Basic "
                                        + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8))));
        if (response.statusCode() != 200) {
            throw new TransientSisFailure("the token endpoint " + settings.tokenUrl() + " answered HTTP "
                    + response.statusCode() + ": " + PersonalData.mask(response.body())
                    + " (check credbridge.transcript.rest.oauth2.client-id, client-secret and scope)");
        }
        try {
            JsonNode token = JSON.readTree(response.body());
            String value = token.path("access_token").asText("");
            if (value.isBlank()) {
                throw new TransientSisFailure("the token endpoint answered no access_token");
            }
            Duration lifetime = token.hasNonNull("expires_in")
                    ? Duration.ofSeconds(token.get("expires_in").asLong())
                    : UNANNOUNCED_LIFETIME;
            return new BearerTokens.IssuedToken(value, lifetime);
        } catch (IOException e) {
            throw new TransientSisFailure("the token endpoint answered something that is not JSON: " + e.getMessage());
        }
    }
}
