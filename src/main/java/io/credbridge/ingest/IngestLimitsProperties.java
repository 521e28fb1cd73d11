package io.credbridge.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every ingest endpoint (/lms/**) applies before a source reads the request.
 *
 * @param maxBodySize the largest request body taken; a larger one is answered 413 and not read
 *     ({@code credbridge.ingest.limits.max-body-size}, e.g. {@code 4MB})
 * @param requestsPerSecond the requests one client may send per second before it is answered 429 with
 *     Retry-After; 0 turns the limit off ({@code credbridge.ingest.limits.requests-per-second}). A client is the
 *     user of HTTP Basic, the bearer token, or else the remote address.
 * @param trackedClients how many clients' rates are kept at once; when more have been seen, counting starts over
 *     ({@code credbridge.ingest.limits.tracked-clients})
 */
@ConfigurationProperties("credbridge.ingest.limits")
public record IngestLimitsProperties(
        @DefaultValue("4MB") DataSize maxBodySize,
        @DefaultValue("200") int requestsPerSecond,
        @DefaultValue("10000") int trackedClients) {

    public IngestLimitsProperties {
        if (maxBodySize == null || maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("credbridge.ingest.limits.max-body-size must be between 1B and 2GB,"
                    + " was " + maxBodySize + " (e.g. 4MB)");
        }
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("credbridge.ingest.limits.requests-per-second must be 0 (no limit) or"
                    + " more, was " + requestsPerSecond);
        }
        if (trackedClients < 1) {
            throw new IllegalArgumentException(
                    "credbridge.ingest.limits.tracked-clients must be at least 1, was " + trackedClients);
        }
    }
}
