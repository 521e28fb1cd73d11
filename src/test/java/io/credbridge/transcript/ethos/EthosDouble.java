package io.credbridge.transcript.ethos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import io.credbridge.transcript.SisResponses;
import java.time.Clock;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Ethos Integration as WireMock plays it: sign-in answering a bare token, the tenant's available resources, and
 * Ethos error bodies in their own media type.
 */
final class EthosDouble {

    static final String API_KEY = "11111111-2222-3333-4444-555555555555";
    static final String MEDIA_TYPE = "application/vnd.hedtech.integration.v16.0.0+json";
    static final String ERRORS_MEDIA_TYPE = "application/vnd.hedtech.integration.errors.v2+json";

    private EthosDouble() {}

    /** The adapter as the application configures it, for an Ethos at {@code settings.baseUrl()}. */
    static EthosTranscriptWriter writer(EthosSettings settings, Clock clock) {
        EthosConnection connection = EthosConnection.of(settings, clock);
        return EthosConfiguration.writer(
                connection, persons(connection, settings, clock), settings, new DefaultResourceLoader(), clock);
    }

    /** Reconciliation's read-back as the application configures it. */
    static EthosReadBack readBack(EthosSettings settings, Clock clock) {
        EthosConnection connection = EthosConnection.of(settings, clock);
        return EthosConfiguration.readBack(
                connection, persons(connection, settings, clock), settings, new DefaultResourceLoader(), clock);
    }

    private static EthosPersons persons(EthosConnection connection, EthosSettings settings, Clock clock) {
        return new EthosPersons(connection, settings.persons(), new SisResponses("ethos", clock));
    }

    /** {@code POST /auth} answers token-1, token-2, ... in turn, as text, the way Ethos does. */
    static void signInAnswers(Stubbing ethos, String... tokens) {
        String scenario = "tokens";
        for (int i = 0; i < tokens.length; i++) {
            ethos.stubFor(post(urlPathEqualTo("/auth"))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? "Started" : "token-" + i)
                    .willSetStateTo("token-" + (i + 1))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "text/plain")
                            .withBody(tokens[i])));
        }
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", ERRORS_MEDIA_TYPE)
                .withBody("{\"errors\":[{\"code\":\"" + code + "\",\"description\":\"" + message + "\",\"message\":\""
                        + message + "\"}]}");
    }

    /** The tenant offers student-aptitude-assessments v16.0.0 with the given methods, and persons v12. */
    static void offers(Stubbing ethos, String methods) {
        ethos.stubFor(get(urlPathEqualTo("/admin/available-resources"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"id\":\"a1\",\"name\":\"Colleague Student API\",\"resources\":["
                                + "{\"name\":\"persons\",\"representations\":[{\"X-Media-Type\":"
                                + "\"application/vnd.hedtech.integration.v12.6.0+json\",\"methods\":[\"get\"],"
                                + "\"version\":\"v12.6.0\"}]},"
                                + "{\"name\":\"student-aptitude-assessments\",\"representations\":["
                                + "{\"X-Media-Type\":\"application/vnd.hedtech.integration.v11.0.0+json\","
                                + "\"methods\":[\"get\",\"post\",\"put\",\"delete\"],\"version\":\"v11.0.0\"},"
                                + "{\"X-Media-Type\":\"" + MEDIA_TYPE + "\",\"methods\":[" + methods + "],"
                                + "\"version\":\"v16.0.0\"}]}]}]")));
    }
}
