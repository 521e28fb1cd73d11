package io.credbridge.ingest.canvas;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.credbridge.ingest.RejectedInputException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * Verifies a signed Canvas Live Event: a compact RS256 JWS, verified with the key its {@code kid} names in Canvas's
 * JWKS, its {@code exp} and {@code nbf} checked when present and its {@code iss} when one is configured. Keys are
 * cached; an unknown {@code kid} (Canvas rotates monthly and publishes the next key ahead) fetches the set again,
 * rate-limited, so a stream of made-up key ids cannot hammer the key endpoint.
 */
class CanvasSignature {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String jwksUrl;

    CanvasSignature(CanvasIngestProperties properties) {
        this.jwksUrl = properties.jwksUrl().toString();
        int timeout = (int) properties.jwksTimeout().toMillis();
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(
                            properties.jwksUrl().toURL(), new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
                    .cache(properties.keyCacheTimeToLive().toMillis(), 2L * timeout)
                    .refreshAheadCache(false)
                    .rateLimited(properties.keyRefreshMinInterval().toMillis())
                    .retrying(false)
                    .outageTolerant(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("credbridge.ingest.canvas.jwks-url is not a URL: " + jwksUrl, e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        JWTClaimsSet exact = properties.issuer().isEmpty()
                ? null
                : new JWTClaimsSet.Builder().issuer(properties.issuer()).build();
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(exact, Set.of());
        claims.setMaxClockSkew((int) properties.maxClockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * @param token the request body, without surrounding quotes
     * @return the verified payload: the event's JSON
     * @throws RejectedInputException 401 saying what is wrong with the token
     * @throws IllegalStateException when Canvas's keys cannot be fetched (the sender should try again)
     */
    String payloadOf(String token) {
        SignedJWT jwt = parse(token);
        String kid = jwt.getHeader().getKeyID();
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw unauthenticated("the token is signed with " + jwt.getHeader().getAlgorithm()
                    + "; Canvas signs Live Events with RS256");
        }
        if (kid == null || kid.isBlank()) {
            throw unauthenticated(
                    "the token's header names no key (kid); Canvas names the key of its JWKS it signed" + " with");
        }
        try {
            processor.process(jwt, null);
            return jwt.getPayload().toString();
        } catch (BadJWTException e) {
            throw unauthenticated("the token's claims are refused: " + e.getMessage());
        } catch (BadJOSEException e) {
            throw unauthenticated(refusal(e, kid));
        } catch (RateLimitReachedException e) {
            throw unauthenticated("no key with id '" + kid + "' is in Canvas's key set at " + jwksUrl
                    + ", which was fetched again moments ago (it is fetched at most twice per"
                    + " credbridge.ingest.canvas.key-refresh-min-interval)");
        } catch (KeySourceException e) {
            throw new IllegalStateException(
                    "Canvas's signing keys cannot be fetched from " + jwksUrl + ": " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw unauthenticated("the signature cannot be checked: " + e.getMessage());
        }
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | IllegalArgumentException e) {
            throw unauthenticated("the body is not a signed Canvas Live Event (a compact JWS: three base64url parts"
                    + " separated by dots): " + e.getMessage());
        }
    }

    // Nimbus tells "no key for this kid" from "wrong signature" by message only.
    private String refusal(BadJOSEException e, String kid) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("no matching key")) {
            return "no key with id '" + kid + "' is in Canvas's key set at " + jwksUrl
                    + ", fetched again just now: the token was not signed by Canvas, or with a key retired long ago";
        }
        if (message.contains("Invalid signature")) {
            return "the signature does not match the token's content under key '" + kid + "'";
        }
        return "the token is refused: " + message;
    }

    static RejectedInputException unauthenticated(String detail) {
        return new RejectedInputException(
                401,
                "The Canvas Live Event is not signed by Canvas",
                detail,
                List.of(new RejectedInputException.Violation("", detail)));
    }
}
