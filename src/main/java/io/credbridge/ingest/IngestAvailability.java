package io.credbridge.ingest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with Retry-After on the ingest paths while the routes that take events are not running: for a few
 * seconds of every start the web server accepts connections before the routes exist (and would answer 404, which
 * an LMS or LRS forwarder treats as final and drops the statements), and again while the app shuts down. A 503
 * tells the sender to send the same request again.
 */
public class IngestAvailability extends OncePerRequestFilter {

    /** Seconds a sender should wait before it tries again: about how long the routes take to start. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final CamelContext camel;
    private final IngestProblems problems;

    public IngestAvailability(CamelContext camel, IngestProblems problems) {
        this.camel = camel;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (camel.getStatus().isStarted()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problems.notTakingEvents());
    }
}
