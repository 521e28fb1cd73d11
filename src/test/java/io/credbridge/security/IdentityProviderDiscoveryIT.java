package io.credbridge.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.credbridge.testsupport.CanvasTokens;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** An identity provider configured by its issuer alone (played by WireMock): keys found by OpenID Connect discovery. */
class IdentityProviderDiscoveryIT {

    @RegisterExtension
    static WireMockExtension idp = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final RSAKey KEY = CanvasTokens.newKey("campus-1");

    @Test
    void theIssuerAloneFindsTheKeysAtTheFirstTokenAndChecksIss() throws Exception {
        String issuer = idp.baseUrl() + "/realms/campus";
        idp.stubFor(get(urlEqualTo("/realms/campus/.well-known/openid-configuration"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\","
                                + "\"subject_types_supported\":[\"public\"]}")));
        idp.stubFor(get(urlEqualTo("/realms/campus/certs"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(CanvasTokens.jwks(List.of(KEY)))));

        JwtDecoder decoder = SecurityConfiguration.decoder(jwt(issuer));
        idp.verify(0, getRequestedFor(urlEqualTo("/realms/campus/.well-known/openid-configuration")));

        assertThat(decoder.decode(token(issuer)).getSubject()).isEqualTo("jane");
        assertThatThrownBy(() -> decoder.decode(token("https://elsewhere.example.edu")))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void anUnreachableIdentityProviderDoesNotStopStartupOnlyTheTokensUntilItAnswers() throws Exception {
        String issuer = "http://127.0.0.1:9/realms/campus";

        JwtDecoder decoder = SecurityConfiguration.decoder(jwt(issuer));

        assertThatThrownBy(() -> decoder.decode(token(issuer)))
                .as("a JwtException, which the resource server answers (503), not an IllegalStateException (500)")
                .isExactlyInstanceOf(JwtException.class)
                .hasMessageContaining("the identity provider at " + issuer + " cannot be reached");
    }

    private static SecurityProperties.Jwt jwt(String issuer) {
        return new SecurityProperties.Jwt(URI.create(issuer), null, List.of(), "roles", "", "sub");
    }

    private static String token(String issuer) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject("jane")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }
}
