package io.credbridge.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Plays Canvas's signing side: RSA keys by kid, their public JWKS, and Live Events signed as Canvas signs them. */
public final class CanvasTokens {

    public static final String ISSUER = "https://live-events.canvas.instructure.com";

    private CanvasTokens() {}

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS document Canvas serves: the public halves of the given keys. */
    public static String jwks(List<RSAKey> keys) {
        return new JWKSet(keys.stream()
                        .map(RSAKey::toPublicJWK)
                        .map(key -> (com.nimbusds.jose.jwk.JWK) key)
                        .toList())
                .toString();
    }

    /** The event ({@code metadata} and {@code body}) as claims, with {@code iss} and, when given, {@code exp}. */
    public static String sign(String eventJson, RSAKey key, Instant expiresAt) {
        try {
            Map<String, Object> event = JWTClaimsSet.parse(eventJson).getClaims();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER);
            event.forEach(claims::claim);
            if (expiresAt != null) {
                claims.expirationTime(Date.from(expiresAt));
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String eventJson, RSAKey key) {
        return sign(eventJson, key, null);
    }
}
