package io.credbridge.ingest.xapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the xAPI endpoint.
 *
 * @param maxStatements the most statements one request may carry; more is answered 413 so one
 *     producer cannot tie up the endpoint (property {@code credbridge.ingest.xapi.max-statements})
 */
@ConfigurationProperties("credbridge.ingest.xapi")
record XapiIngestProperties(@DefaultValue("1000") int maxStatements) {

    public XapiIngestProperties {
        if (maxStatements < 1) {
            throw new IllegalArgumentException(
                    "credbridge.ingest.xapi.max-statements must be at least 1, was " + maxStatements);
        }
    }

    public static XapiIngestProperties defaults() {
        return new XapiIngestProperties(1000);
    }
}
