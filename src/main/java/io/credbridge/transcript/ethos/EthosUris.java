package io.credbridge.transcript.ethos;

import java.net.URI;

/** Ethos paths under the configured base URL, which may itself have a path (a proxy in front of Ethos). */
final class EthosUris {

    private EthosUris() {}

    static URI of(URI base, String pathAndQuery) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + pathAndQuery);
    }
}
