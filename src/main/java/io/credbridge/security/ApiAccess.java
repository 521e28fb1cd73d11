package io.credbridge.security;

import static io.credbridge.security.Role.AUDITOR;
import static io.credbridge.security.Role.INTEGRATOR;
import static io.credbridge.security.Role.REGISTRAR;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which roles may call which endpoint, one line per endpoint, first match wins. The filter chain is built from this
 * table, and a 403 answer quotes it; the README's role table says the same. A path under {@code /api/} that no line
 * names is refused to every caller, so a new endpoint stays closed until it is given its roles here.
 */
final class ApiAccess {

    /** An endpoint (method and path pattern; a null method: every method) and the roles that may call it. */
    record Rule(HttpMethod method, String pattern, Set<Role> roles) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }

        String endpoint() {
            return (method == null ? "" : method.name() + " ") + pattern;
        }

        String[] roleNames() {
            return roles.stream().map(Enum::name).toArray(String[]::new);
        }
    }

    static final List<Rule> API = List.of(
            rule(HttpMethod.GET, "/api/audit", AUDITOR),
            rule(HttpMethod.POST, "/api/transcript/entries/*/approve", REGISTRAR),
            rule(HttpMethod.POST, "/api/transcript/entries/*/reject", REGISTRAR),
            rule(HttpMethod.GET, "/api/transcript/entries/**", REGISTRAR, AUDITOR),
            // Reads every learner's records back from the SIS: for those who answer for the transcript.
            rule(HttpMethod.GET, "/api/transcript/reconciliation", REGISTRAR, AUDITOR),
            rule(HttpMethod.POST, "/api/learners/*/awards", REGISTRAR),
            rule(HttpMethod.GET, "/api/learners/*/awards", REGISTRAR, INTEGRATOR, AUDITOR),
            rule(HttpMethod.GET, "/api/learners/*/progress", REGISTRAR, INTEGRATOR, AUDITOR),
            rule(HttpMethod.POST, "/api/awards/*/revoke", REGISTRAR),
            rule(HttpMethod.POST, "/api/awards/*/suspend", REGISTRAR),
            rule(HttpMethod.POST, "/api/awards/*/reinstate", REGISTRAR),
            rule(HttpMethod.GET, "/api/dead-letters/**", INTEGRATOR, AUDITOR),
            rule(HttpMethod.POST, "/api/dead-letters/*/replay", INTEGRATOR),
            rule(HttpMethod.GET, "/api/identity/**", INTEGRATOR, AUDITOR),
            rule(HttpMethod.POST, "/api/identity/mappings", INTEGRATOR),
            rule(HttpMethod.POST, "/api/identity/parked/release", INTEGRATOR),
            rule(HttpMethod.PUT, "/api/identity/learners", INTEGRATOR),
            rule(HttpMethod.DELETE, "/api/identity/learners", INTEGRATOR),
            rule(HttpMethod.PUT, "/api/identity/courses", INTEGRATOR),
            rule(HttpMethod.DELETE, "/api/identity/courses", INTEGRATOR),
            // A dry run changes nothing, but it evaluates a draft over every learner's progress: an integrator's tool.
            rule(HttpMethod.POST, "/api/catalog/dry-run", INTEGRATOR),
            // Historical grades and completions from CSV: sent as learning events, as the LMS sources send them.
            rule(HttpMethod.POST, "/api/backfill", INTEGRATOR),
            rule(HttpMethod.POST, "/api/backfill/*/rerun", INTEGRATOR),
            rule(HttpMethod.GET, "/api/backfill/*", INTEGRATOR, AUDITOR),
            // The API's own description, for whoever may call any of it.
            rule(HttpMethod.GET, "/v3/**", REGISTRAR, INTEGRATOR, AUDITOR),
            // Metrics and the rest of actuator; health and its probes are open (see OPEN).
            rule(HttpMethod.GET, "/actuator/**", INTEGRATOR, AUDITOR));

    /** The ingest endpoints: every source authenticates its own senders, so the API's chain leaves them alone. */
    static final String INGEST = "/lms/**";

    /**
     * Open to everyone: health and its liveness and readiness probes (for orchestrators), the issuers' did:web
     * documents, keys and status lists (for whoever verifies a badge) and the error page the server forwards to.
     */
    static final List<String> OPEN = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/.well-known/did.json",
            "/.well-known/jwks.json",
            "/issuers/**",
            "/error");

    /** Refused to everyone: any other path under these (see the class comment). */
    static final List<String> CLOSED = List.of("/api/**", "/v3/**", "/actuator/**");

    private ApiAccess() {}

    /** The line of the table that decides this request, if any. */
    static Optional<Rule> ruleFor(HttpServletRequest request) {
        return API.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
    }

    static String describe(Set<Role> roles) {
        return roles.stream().map(Role::code).collect(Collectors.joining(" or "));
    }

    private static Rule rule(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, EnumSet.copyOf(List.of(roles)));
    }
}
