package io.credbridge.ingest.moodle;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Moodle webhook endpoint ({@code credbridge.ingest.moodle.*}).
 *
 * @param sites the Moodle sites allowed to send, each with its own token
 */
@ConfigurationProperties("credbridge.ingest.moodle")
public record MoodleIngestProperties(@DefaultValue List<Site> sites) {

    static final String PREFIX = "credbridge.ingest.moodle.";
    static final int SHORTEST_TOKEN = 16;

    public MoodleIngestProperties {
        sites = sites == null ? List.of() : List.copyOf(sites);
        Set<String> urls = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < sites.size(); i++) {
            Site site = sites.get(i);
            String at = PREFIX + "sites[" + i + "].";
            if (site.url() == null || !isHttpUrl(site.url())) {
                throw new IllegalArgumentException(at + "url must be the Moodle site's address ($CFG->wwwroot), e.g."
                        + " https://moodle.example.edu, was " + site.url());
            }
            if (!urls.add(site.url())) {
                throw new IllegalArgumentException(at + "url repeats site " + site.url() + ": list each site once");
            }
            if (site.token() == null || site.token().strip().length() < SHORTEST_TOKEN) {
                throw new IllegalArgumentException(at + "token must be at least " + SHORTEST_TOKEN
                        + " characters (e.g. openssl rand -hex 32), the same string the webhook sends");
            }
            if (!tokens.add(site.token().strip())) {
                throw new IllegalArgumentException(at + "token is the token of another site: give each site its own");
            }
        }
    }

    /**
     * @param url the site's address, {@code $CFG->wwwroot}: the namespace of its user ids and the prefix of its
     *     course IRIs
     * @param token the secret the site's webhook sends; never logged
     */
    public record Site(String url, String token) {

        public Site {
            url = url == null ? null : stripTrailingSlash(url.strip());
            token = token == null ? null : token.strip();
        }

        @Override
        public String toString() {
            return "Site[url=" + url + ", token=******]";
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI url = URI.create(value);
            return url.isAbsolute()
                    && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                    && url.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
