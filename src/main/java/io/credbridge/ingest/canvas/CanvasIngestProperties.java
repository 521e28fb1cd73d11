package io.credbridge.ingest.canvas;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Canvas Live Events endpoint ({@code credbridge.ingest.canvas.*}).
 *
 * @param requireSignature when true (the default), only bodies Canvas signed are accepted ("Sign Payload" on the
 *     subscription); false also takes the unsigned event JSON, which anyone who knows the URL can then send
 * @param jwksUrl where Canvas publishes its signing keys (previous, current and next)
 * @param issuer the {@code iss} a token must carry; blank: not checked (Canvas does not document it; tokens seen in
 *     the wild carry {@code https://live-events.canvas.instructure.com})
 * @param baseUrl the Canvas instance's address, the namespace of its user ids and the prefix of its course IRIs;
 *     blank: {@code https://} + the event's {@code metadata.hostname}
 * @param keyCacheTimeToLive how long fetched keys are used before the JWKS is fetched again
 * @param keyRefreshMinInterval an unknown key id fetches the JWKS again at once, but at most twice in this interval,
 *     so tokens with made-up key ids cannot hammer Canvas's key endpoint
 * @param jwksTimeout connect and read timeout of a JWKS fetch
 * @param maxClockSkew tolerance when checking {@code exp} and {@code nbf}
 */
@ConfigurationProperties("credbridge.ingest.canvas")
public record CanvasIngestProperties(
        @DefaultValue("true") boolean requireSignature,
        @DefaultValue(DEFAULT_JWKS_URL) URI jwksUrl,
        @DefaultValue("") String issuer,
        @DefaultValue("") String baseUrl,
        @DefaultValue("1h") Duration keyCacheTimeToLive,
        @DefaultValue("30s") Duration keyRefreshMinInterval,
        @DefaultValue("5s") Duration jwksTimeout,
        @DefaultValue("60s") Duration maxClockSkew) {

    static final String DEFAULT_JWKS_URL = "https://8axpcl50e4.execute-api.us-east-1.amazonaws.com/main/jwks";
    private static final String PREFIX = "credbridge.ingest.canvas.";

    public CanvasIngestProperties {
        issuer = issuer == null ? "" : issuer.strip();
        baseUrl = baseUrl == null ? "" : stripTrailingSlash(baseUrl.strip());
        if (jwksUrl == null
                || !jwksUrl.isAbsolute()
                || !("https".equals(jwksUrl.getScheme()) || "http".equals(jwksUrl.getScheme()))) {
            throw new IllegalArgumentException(PREFIX + "jwks-url must be an absolute http(s) URL, e.g. "
                    + DEFAULT_JWKS_URL + " (Canvas's own), was " + jwksUrl);
        }
        if (!baseUrl.isEmpty() && !baseUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new IllegalArgumentException(PREFIX
                    + "base-url must be the Canvas instance's address, e.g. https://canvas.example.edu, or blank,"
                    + " was " + baseUrl);
        }
        positive(keyCacheTimeToLive, "key-cache-time-to-live", "1h");
        positive(keyRefreshMinInterval, "key-refresh-min-interval", "30s");
        positive(jwksTimeout, "jwks-timeout", "5s");
        if (maxClockSkew == null || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException(
                    PREFIX + "max-clock-skew must be zero or more, e.g. 60s, was " + maxClockSkew);
        }
    }

    public static CanvasIngestProperties signed(URI jwksUrl, String issuer, String baseUrl) {
        return new CanvasIngestProperties(
                true,
                jwksUrl,
                issuer,
                baseUrl,
                Duration.ofHours(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60));
    }

    private static void positive(Duration value, String name, String example) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    PREFIX + name + " must be a positive duration, e.g. " + example + ", was " + value);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
