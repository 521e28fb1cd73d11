package io.credbridge.transcript;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * One SIS's HTTP calls: credentials on every request, one more try with fresh credentials after a 401, and a SIS
 * that cannot be reached (refused connection, timeout) reported as {@link TransientSisFailure}. Status codes are
 * left to the caller, who knows what an answer means for its call.
 */
public final class SisHttp {

    private final String target;
    private final HttpClient client;
    private final SisCredentials credentials;
    private final Duration requestTimeout;

    public SisHttp(String target, HttpClient client, SisCredentials credentials, Duration requestTimeout) {
        this.target = target;
        this.client = client;
        this.credentials = credentials;
        this.requestTimeout = requestTimeout;
    }

    /** A client for SIS calls: HTTP/1.1, because SIS gateways rarely speak HTTP/2 and an upgrade attempt costs. */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @param body the request body, or null for none */
    public HttpResponse<String> send(String method, URI uri, String body, Map<String, String> headers) {
        HttpResponse<String> response = once(method, uri, body, headers);
        if (response.statusCode() == 401 && credentials.refused()) {
            response = once(method, uri, body, headers);
        }
        return response;
    }

    private HttpResponse<String> once(String method, URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::setHeader);
        credentials.authorize(request);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            // Not the path: a SIS's URL template may put the learner's SIS person id in it.
            throw new TransientSisFailure(
                    target + " did not answer a " + method + " at " + uri.getHost() + ":" + uri.getPort() + " within "
                            + requestTimeout,
                    Duration.ZERO,
                    e);
        } catch (IOException e) {
            throw new TransientSisFailure(
                    target + " could not be reached at " + uri.getHost() + ":" + uri.getPort() + ": " + e,
                    Duration.ZERO,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientSisFailure(target + " call interrupted", Duration.ZERO, e);
        }
    }
}
