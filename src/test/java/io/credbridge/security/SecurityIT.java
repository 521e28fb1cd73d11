package io.credbridge.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.credbridge.testsupport.CanvasTokens;
import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import io.credbridge.testsupport.TestCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on PostgreSQL as production runs it, with API keys, an identity provider whose keys WireMock
 * serves (JWTs signed here with nimbus), and two LRS clients: who may call what, how refusals are answered, and the
 * audit trail of what callers changed.
 */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SecurityIT {

    static final String ISSUER = "https://login.test.credbridge.io/realms/campus";
    static final String CERTS = "/realms/campus/protocol/openid-connect/certs";
    static final RSAKey IDP_KEY = CanvasTokens.newKey("idp-current");
    static final RSAKey STRANGER_KEY = CanvasTokens.newKey("idp-current");
    static final WireMockServer idp = new WireMockServer(wireMockConfig().dynamicPort());
    static final String HASHED_CLIENT = "moodle-lrs";
    static final String HASHED_PASSWORD = "moodle-lrs-password-4d2b";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void securedApplication(DynamicPropertyRegistry registry) throws IOException {
        TestCredentials.register(registry);
        idp.start();
        idp.stubFor(get(urlEqualTo(CERTS))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(CanvasTokens.jwks(List.of(IDP_KEY)))));
        registry.add("credbridge.security.jwt.issuer-uri", () -> ISSUER);
        registry.add("credbridge.security.jwt.jwk-set-uri", () -> idp.baseUrl() + CERTS);
        registry.add("credbridge.security.jwt.audiences[0]", () -> "credbridge");
        registry.add("credbridge.security.jwt.roles-claim", () -> "realm_access.roles");
        registry.add("credbridge.security.jwt.role-prefix", () -> "credbridge-");
        registry.add("credbridge.security.jwt.name-claim", () -> "preferred_username");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(HASHED_PASSWORD);
        registry.add("credbridge.ingest.xapi.clients[1].name", () -> HASHED_CLIENT);
        registry.add("credbridge.ingest.xapi.clients[1].password-hash", () -> hash);

        PostgresTestDatabase.registerWithTestBroker(registry);
        registry.add(
                "credbridge.transcript.csv.directory", () -> tempDirectory().toString());
        registry.add("credbridge.topics.learning-events", () -> "security.learning-events.v1");
        registry.add("credbridge.topics.badge-issuance", () -> "security.badge-issuance.v1");
        registry.add("credbridge.topics.dead-letter", () -> "security.dead-letter.v1");
    }

    @AfterAll
    static void stopIdentityProvider() {
        idp.stop();
    }

    // --- who may call what ---

    enum Caller {
        REGISTRAR(TestCredentials.REGISTRAR_KEY),
        INTEGRATOR(TestCredentials.INTEGRATOR_KEY),
        AUDITOR(TestCredentials.AUDITOR_KEY);

        final String key;

        Caller(String key) {
            this.key = key;
        }
    }

    record Call(String method, String path, String contentType, String body, Set<Caller> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Set<Caller> R = Set.of(Caller.REGISTRAR);
    static final Set<Caller> I = Set.of(Caller.INTEGRATOR);
    static final Set<Caller> A = Set.of(Caller.AUDITOR);
    static final Set<Caller> RA = Set.of(Caller.REGISTRAR, Caller.AUDITOR);
    static final Set<Caller> IA = Set.of(Caller.INTEGRATOR, Caller.AUDITOR);
    static final Set<Caller> ALL = Set.of(Caller.values());

    static final List<Call> MATRIX = List.of(
            new Call("GET", "/api/learners/nobody/awards", null, "", ALL),
            new Call("GET", "/api/learners/nobody/progress", null, "", ALL),
            new Call("POST", "/api/learners/nobody/awards", "application/json", "{}", R),
            new Call("POST", "/api/awards/no-such-award/revoke", "application/json", "{\"reason\":\"x\"}", R),
            new Call("GET", "/api/transcript/entries", null, "", RA),
            new Call("GET", "/api/transcript/entries/no-such-entry", null, "", RA),
            new Call("GET", "/api/transcript/reconciliation?target=csv", null, "", RA),
            new Call("POST", "/api/transcript/entries/no-such-entry/approve", null, "", R),
            new Call(
                    "POST",
                    "/api/transcript/entries/no-such-entry/reject",
                    "application/json",
                    "{\"reason\":\"x\"}",
                    R),
            new Call("GET", "/api/dead-letters", null, "", IA),
            new Call("GET", "/api/dead-letters/no-such-letter", null, "", IA),
            new Call("POST", "/api/dead-letters/no-such-letter/replay", null, "", I),
            new Call("GET", "/api/identity/learners", null, "", IA),
            new Call("GET", "/api/identity/courses", null, "", IA),
            new Call("GET", "/api/identity/parked", null, "", IA),
            new Call("PUT", "/api/identity/learners", "application/json", "{}", I),
            new Call("DELETE", "/api/identity/learners?scheme=mbox&value=nobody@example.edu", null, "", I),
            new Call("PUT", "/api/identity/courses", "application/json", "{}", I),
            new Call("DELETE", "/api/identity/courses?lmsCourseId=https://lms.example.edu/none", null, "", I),
            new Call("POST", "/api/identity/mappings", "text/csv", "", I),
            new Call("POST", "/api/identity/parked/release", null, "", I),
            new Call("POST", "/api/catalog/dry-run", "application/yaml", "id: draft", I),
            new Call("GET", "/api/audit", null, "", A),
            new Call("GET", "/v3/api-docs", null, "", ALL),
            new Call("GET", "/actuator/prometheus", null, "", IA),
            new Call("GET", "/actuator/metrics", null, "", IA),
            new Call("GET", "/api/no-such-endpoint", null, "", Set.of()));

    static Stream<Arguments> everyEndpointForEveryRole() {
        List<Arguments> cases = new ArrayList<>();
        for (Call call : MATRIX) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(call, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointForEveryRole")
    void eachRoleCallsWhatItMustAndIsRefused403ProblemForTheRest(Call call, Caller caller) throws Exception {
        HttpResponse<String> response = send(call, TestCredentials.API_KEY_HEADER, caller.key);

        if (call.allowed().contains(caller)) {
            assertThat(response.statusCode())
                    .as(call + " as " + caller + ": " + response.body())
                    .isNotIn(401, 403)
                    .isLessThan(500);
        } else {
            assertThat(response.statusCode()).as(call + " as " + caller).isEqualTo(403);
            assertProblem(response, "forbidden");
            assertThat(json.readTree(response.body()).path("detail").asText())
                    .contains("'test-" + caller.name().toLowerCase() + "'")
                    .contains(caller.name().toLowerCase());
        }
    }

    @ParameterizedTest(name = "{0} without credentials")
    @MethodSource("endpoints")
    void everyAdminEndpointAndMetricsAnswerACallerWithoutCredentials401NamingBothSchemes(Call call) throws Exception {
        HttpResponse<String> response = send(call);

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, "unauthenticated");
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"credbridge\"", "ApiKey realm=\"credbridge\", header=\"X-API-Key\"");
    }

    static Stream<Call> endpoints() {
        return MATRIX.stream();
    }

    @Test
    void aForbiddenAnswerSaysWhichRoleTheEndpointTakes() throws Exception {
        HttpResponse<String> response = send(
                new Call("POST", "/api/awards/x/revoke", "application/json", "{\"reason\":\"x\"}", R),
                TestCredentials.API_KEY_HEADER,
                TestCredentials.AUDITOR_KEY);

        assertThat(json.readTree(response.body()).path("detail").asText())
                .isEqualTo("'test-auditor' (roles: auditor) may not call POST /api/awards/x/revoke: it takes the"
                        + " role registrar");
    }

    @Test
    void healthAndItsProbesAndTheIssuersDocumentsAreOpenToEveryone() throws Exception {
        for (String path : List.of(
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/.well-known/did.json",
                "/issuers/continuing-education/did.json")) {
            HttpResponse<String> response = send(new Call("GET", path, null, "", ALL));
            assertThat(response.statusCode()).as(path).isNotIn(401, 403);
        }
    }

    @Test
    void anUnknownApiKeyIsRefused401WithoutSayingAnythingOfTheKeysThereAre() throws Exception {
        HttpResponse<String> response = send(
                new Call("GET", "/api/audit", null, "", A),
                TestCredentials.API_KEY_HEADER,
                TestCredentials.AUDITOR_KEY.substring(0, TestCredentials.AUDITOR_KEY.length() - 1) + "x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, "unauthenticated");
        assertThat(response.body())
                .contains("X-API-Key header holds no key CredBridge knows")
                .doesNotContain(TestCredentials.AUDITOR_KEY.substring(0, 12));
    }

    // --- tokens of the identity provider ---

    @Test
    void aTokenOfTheIdentityProviderAuthenticatesWithTheRolesOfItsGroupsClaim() throws Exception {
        String token = token(IDP_KEY, ISSUER, "credbridge", Instant.now().plusSeconds(300), "credbridge-registrar");

        HttpResponse<String> entries = bearer("GET", "/api/transcript/entries", token);
        HttpResponse<String> deadLetters = bearer("GET", "/api/dead-letters", token);

        assertThat(entries.statusCode()).isEqualTo(200);
        assertThat(deadLetters.statusCode()).isEqualTo(403);
        assertThat(json.readTree(deadLetters.body()).path("detail").asText())
                .startsWith("'jane.registrar' (roles: registrar) may not call GET /api/dead-letters")
                .endsWith("it takes the role integrator or auditor");
    }

    @Test
    void aTokenThatOnlyHasGroupsOtherThanCredBridgesRolesMayCallNothing() throws Exception {
        String token = token(IDP_KEY, ISSUER, "credbridge", Instant.now().plusSeconds(300), "registrar", "staff");

        assertThat(bearer("GET", "/api/learners/nobody/awards", token).statusCode())
                .as("without the credbridge- prefix the group is not a role")
                .isEqualTo(403);
    }

    @Test
    void expiredForgedMisissuedAndMisaddressedTokensAreRefused401AsInvalidTokens() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        Map<String, String> tokens = Map.of(
                "expired", token(IDP_KEY, ISSUER, "credbridge", Instant.now().minusSeconds(600), "credbridge-auditor"),
                "signed by another key with the same kid",
                        token(STRANGER_KEY, ISSUER, "credbridge", later, "credbridge-auditor"),
                "another issuer", token(IDP_KEY, "https://evil.example", "credbridge", later, "credbridge-auditor"),
                "another audience", token(IDP_KEY, ISSUER, "another-app", later, "credbridge-auditor"),
                "not a JWT", "not-a-jwt");

        for (Map.Entry<String, String> token : tokens.entrySet()) {
            HttpResponse<String> response = bearer("GET", "/api/audit", token.getValue());
            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
            assertProblem(response, "unauthenticated");
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .as(token.getKey())
                    .anySatisfy(challenge ->
                            assertThat(challenge).startsWith("Bearer realm=\"credbridge\", error=\"invalid_token\""));
        }
    }

    @Test
    void aTokenWhoseKeyTheIdentityProviderCannotServeNowIsAnswered503WithRetryAfterNotA500() throws Exception {
        String token = token(
                CanvasTokens.newKey("idp-next"),
                ISSUER,
                "credbridge",
                Instant.now().plusSeconds(300),
                "credbridge-auditor");
        var outage = idp.stubFor(
                get(urlEqualTo(CERTS)).atPriority(1).willReturn(aResponse().withStatus(500)));
        try {
            HttpResponse<String> response = bearer("GET", "/api/audit", token);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertProblem(response, "authentication-unavailable");
        } finally {
            idp.removeStub(outage);
        }
    }

    // --- the audit trail ---

    @Test
    void everyStateChangingActionIsAuditedWithTheAuthenticatedCallerAndItsReasonAndOnlyAuditorsReadIt()
            throws Exception {
        String learner = "audited-" + UUID.randomUUID();
        String token = token(IDP_KEY, ISSUER, "credbridge", Instant.now().plusSeconds(300), "credbridge-registrar");
        HttpResponse<String> granted = bearer(
                "POST",
                "/api/learners/" + learner + "/awards",
                token,
                "{\"credentialId\":\"sql-proficiency\",\"basis\":\"MANUAL\",\"reason\":\"assessed by the department\","
                        + "\"actor\":\"someone.else\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        JsonNode award = json.readTree(granted.body()).get(0);
        assertThat(award.path("grantedBy").asText()).isEqualTo("jane.registrar");
        String awardId = award.path("awardId").asText();

        HttpResponse<String> revoked = send(
                new Call(
                        "POST",
                        "/api/awards/" + awardId + "/revoke",
                        "application/json",
                        "{\"reason\":\"granted by mistake\"}",
                        R),
                TestCredentials.API_KEY_HEADER,
                TestCredentials.REGISTRAR_KEY);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(send(
                                new Call(
                                        "POST",
                                        "/api/awards/" + awardId + "/revoke",
                                        "application/json",
                                        "{\"reason\":\"again\"}",
                                        R),
                                TestCredentials.API_KEY_HEADER,
                                TestCredentials.REGISTRAR_KEY)
                        .statusCode())
                .as("refused, so not audited")
                .isEqualTo(409);

        JsonNode grant = auditOf("award.grant", learner);
        assertThat(grant.path("actor").asText()).isEqualTo("jane.registrar");
        assertThat(grant.path("authScheme").asText()).isEqualTo("jwt");
        assertThat(grant.path("reason").asText()).isEqualTo("assessed by the department");
        assertThat(grant.path("outcome").asText()).contains("sql-proficiency " + awardId);
        assertThat(Instant.parse(grant.path("occurredAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        JsonNode revocation = auditOf("award.revoke", awardId);
        assertThat(revocation.path("actor").asText()).isEqualTo(TestCredentials.REGISTRAR_NAME);
        assertThat(revocation.path("authScheme").asText()).isEqualTo("api-key");
        assertThat(revocation.path("reason").asText()).isEqualTo("granted by mistake");
        assertThat(audit("?target=" + awardId)).hasSize(1);

        assertThat(send(
                                new Call("GET", "/api/audit", null, "", A),
                                TestCredentials.API_KEY_HEADER,
                                TestCredentials.REGISTRAR_KEY)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void identityChangesAreAuditedAndTheMappingNamesTheCallerNotAnActorInTheBody() throws Exception {
        String course = "https://lms.example.edu/courses/" + UUID.randomUUID();
        HttpResponse<String> stored = send(
                new Call(
                        "PUT",
                        "/api/identity/courses",
                        "application/json",
                        "{\"lmsCourseId\":\"" + course + "\",\"sisCourseCode\":\"MATH-101\",\"actor\":\"mallory\"}",
                        I),
                TestCredentials.API_KEY_HEADER,
                TestCredentials.INTEGRATOR_KEY);

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(json.readTree(stored.body()).path("updatedBy").asText()).isEqualTo(TestCredentials.INTEGRATOR_NAME);
        JsonNode entry = auditOf("identity.course.put", course);
        assertThat(entry.path("actor").asText()).isEqualTo(TestCredentials.INTEGRATOR_NAME);
        assertThat(entry.path("outcome").asText()).isEqualTo("mapped to SIS course MATH-101");
    }

    // --- LRS clients on the xAPI endpoint ---

    @Test
    void anLrsClientWithoutOrWithWrongCredentialsIsRefused401NamingTheBasicScheme() throws Exception {
        for (String authorization : new String[] {
            null,
            TestCredentials.basic(TestCredentials.LRS_CLIENT, "wrong-password"),
            TestCredentials.basic("nobody", TestCredentials.LRS_PASSWORD),
            TestCredentials.basic(HASHED_CLIENT, "wrong-password"),
            "Bearer " + TestCredentials.LRS_PASSWORD
        }) {
            HttpResponse<String> response = statement(authorization);

            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .containsExactly("Basic realm=\"CredBridge xAPI\", charset=\"UTF-8\"");
            assertProblem(response, "unauthenticated");
        }
    }

    @Test
    void anLrsClientWithItsPasswordOrOneMatchingItsHashIsAccepted() throws Exception {
        assertThat(statement(TestCredentials.basic(TestCredentials.LRS_CLIENT, TestCredentials.LRS_PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(statement(TestCredentials.basic(HASHED_CLIENT, HASHED_PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(statement(TestCredentials.basic(HASHED_CLIENT, HASHED_PASSWORD))
                        .statusCode())
                .as("again, from the remembered check")
                .isEqualTo(200);
    }

    // --- helpers ---

    private HttpResponse<String> statement(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/lms/xapi/statements"))
                .header("Content-Type", "application/json")
                .header("X-Experience-API-Version", "1.0.3")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id": "%s",
                         "actor": {"account": {"homePage": "https://lms.example.edu", "name": "sec-learner"}},
                         "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
                         "object": {"id": "https://lms.example.edu/videos/1"}}
                        """.formatted(UUID.randomUUID())));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode auditOf(String action, String target) throws Exception {
        List<JsonNode> entries = audit("?action=" + action + "&target=" + java.net.URLEncoder.encode(target, "UTF-8"));
        assertThat(entries).as(action + " " + target).hasSize(1);
        return entries.get(0);
    }

    private List<JsonNode> audit(String query) throws Exception {
        HttpResponse<String> response = send(
                new Call("GET", "/api/audit" + query, null, "", A),
                TestCredentials.API_KEY_HEADER,
                TestCredentials.AUDITOR_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        json.readTree(response.body()).forEach(entries::add);
        return entries;
    }

    private void assertProblem(HttpResponse<String> response, String type) throws IOException {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:credbridge:problem:" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        return send(new Call(method, path, null, "", ALL), "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> bearer(String method, String path, String token, String body) throws Exception {
        return send(new Call(method, path, "application/json", body, ALL), "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(Call call, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A token as a Keycloak realm issues it: roles under realm_access.roles, the login name in preferred_username. */
    private static String token(RSAKey key, String issuer, String audience, Instant expiresAt, String... roles)
            throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("f3b1c2d4-0000-4000-8000-000000000001")
                .audience(audience)
                .claim("preferred_username", "jane.registrar")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(Instant.now().minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static java.nio.file.Path tempDirectory() {
        try {
            return Files.createTempDirectory("credbridge-security");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
