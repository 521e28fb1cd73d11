package io.credbridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 answers as RFC 9457 problem details, never an HTML page or a stack trace. A 401 names every scheme
 * the caller could have used in {@code WWW-Authenticate} (a bearer token when the identity provider is configured,
 * an API key when keys are); a 403 says which roles the endpoint takes and which the caller holds.
 */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "credbridge";

    private final ObjectMapper json = new ObjectMapper();
    private final SecurityProperties properties;

    AccessProblems(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            write(
                    response,
                    503,
                    "authentication-unavailable",
                    "Authentication cannot be checked right now",
                    "the token cannot be checked now (" + failure.getMessage() + "); send the request again later");
            return;
        }
        for (String challenge : challenges(failure)) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        write(response, 401, "unauthenticated", "Authentication required", unauthenticatedDetail(failure));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String who = caller == null ? "the caller" : "'" + caller.getName() + "'";
        String endpoint = request.getMethod() + " " + request.getRequestURI();
        String needs = ApiAccess.ruleFor(request)
                .map(rule -> "it takes the role " + ApiAccess.describe(rule.roles()))
                .orElse("no role may call it");
        write(
                response,
                403,
                "forbidden",
                "Not allowed",
                who + " (roles: " + heldBy(caller) + ") may not call " + endpoint + ": " + needs);
    }

    private List<String> challenges(AuthenticationException failure) {
        List<String> challenges = new ArrayList<>();
        if (properties.jwt().configured()) {
            String bearer = "Bearer realm=\"" + REALM + "\"";
            if (failure instanceof OAuth2AuthenticationException oauth) {
                bearer += ", error=\"" + oauth.getError().getErrorCode() + "\", error_description=\""
                        + quotable(oauth.getError().getDescription()) + "\"";
            }
            challenges.add(bearer);
        }
        if (!properties.apiKeys().isEmpty()) {
            challenges.add("ApiKey realm=\"" + REALM + "\", header=\"" + properties.apiKeyHeader() + "\"");
        }
        return challenges;
    }

    private String unauthenticatedDetail(AuthenticationException failure) {
        String ways = properties.jwt().configured() && !properties.apiKeys().isEmpty()
                ? "a bearer token from the identity provider in Authorization, or an API key in "
                        + properties.apiKeyHeader()
                : properties.jwt().configured()
                        ? "a bearer token from the identity provider in Authorization"
                        : "an API key in " + properties.apiKeyHeader();
        if (failure instanceof OAuth2AuthenticationException oauth) {
            return "the bearer token is refused (" + oauth.getError().getDescription() + "); send " + ways;
        }
        if (failure instanceof ApiKeyAuthentication.UnknownKeyException) {
            return "the " + properties.apiKeyHeader() + " header holds no key CredBridge knows; send " + ways;
        }
        return "this endpoint needs an authenticated caller: send " + ways;
    }

    private static String heldBy(Authentication caller) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (caller != null) {
            caller.getAuthorities()
                    .forEach(authority ->
                            Role.ofAuthority(authority.getAuthority()).ifPresent(roles::add));
        }
        return roles.isEmpty() ? "none" : ApiAccess.describe(roles).replace(" or ", ", ");
    }

    private void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("type", "urn:credbridge:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body.toString());
    }

    private static String quotable(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "'");
    }
}
