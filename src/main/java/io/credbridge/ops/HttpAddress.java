package io.credbridge.ops;

import java.net.URI;

/**
 * The one rule for configured service addresses (a schema registry, an LMS): absolute http(s) with a host, kept
 * without a trailing slash so that API paths can be appended to it.
 */
public final class HttpAddress {

    private HttpAddress() {}

    public static boolean isAbsoluteHttp(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
