package io.credbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class ApiKeyAuthenticationTest {

    static final String TOOL_KEY = "tool-key-0123456789abcdefghij";
    static final String AUDIT_KEY = "audit-key-0123456789abcdefghij";

    private final SecurityProperties properties = new SecurityProperties(
            true,
            null,
            "X-API-Key",
            List.of(
                    new SecurityProperties.ApiKey("registrar-tool", TOOL_KEY, List.of("registrar", "auditor")),
                    new SecurityProperties.ApiKey("audit-export", AUDIT_KEY, List.of("auditor"))));
    private final ApiKeyAuthentication filter = new ApiKeyAuthentication(properties, new AccessProblems(properties));

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aConfiguredKeyAuthenticatesAsItsNameWithItsRoles() throws Exception {
        AtomicReference<Authentication> seen = new AtomicReference<>();
        AtomicReference<Actor> actor = new AtomicReference<>();
        FilterChain chain = (request, response) -> {
            seen.set(SecurityContextHolder.getContext().getAuthentication());
            actor.set(new Actors().current());
        };

        filter.doFilter(request(TOOL_KEY), new MockHttpServletResponse(), chain);

        assertThat(seen.get().getName()).isEqualTo("registrar-tool");
        assertThat(seen.get().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_REGISTRAR", "ROLE_AUDITOR");
        assertThat(actor.get()).isEqualTo(new Actor("registrar-tool", "api-key"));
    }

    @Test
    void onlyTheWholeKeyMatchesNotAPrefixOrAnExtension() {
        assertThat(filter.match(AUDIT_KEY))
                .hasValueSatisfying(key -> assertThat(key.name()).isEqualTo("audit-export"));
        assertThat(filter.match(AUDIT_KEY.substring(0, AUDIT_KEY.length() - 1))).isEmpty();
        assertThat(filter.match(AUDIT_KEY + "x")).isEmpty();
        assertThat(filter.match("")).isEmpty();
    }

    @Test
    void aWrongKeyIsAnswered401ProblemThatNamesTheSchemeAndNotTheKey() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request("not-a-key-of-ours-at-all-xxxxxx"), response, chain);

        assertThat(chain.getRequest()).as("the request goes no further").isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeaders("WWW-Authenticate"))
                .containsExactly("ApiKey realm=\"credbridge\", header=\"X-API-Key\"");
        assertThat(response.getContentAsString())
                .contains("\"type\":\"urn:credbridge:problem:unauthenticated\"")
                .contains("X-API-Key header holds no key CredBridge knows")
                .doesNotContain("not-a-key-of-ours");
    }

    @Test
    void aRequestWithoutTheHeaderPassesOnUnauthenticated() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/audit"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(new Actors().current()).isEqualTo(Actor.ANONYMOUS);
    }

    private static MockHttpServletRequest request(String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/audit");
        request.addHeader("X-API-Key", key);
        return request;
    }
}
