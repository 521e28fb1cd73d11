package io.credbridge.ingest.moodle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * local_webhooks, set to "x-www-form-urlencoded", still sends a JSON body. Read as a form, that body breaks Camel's
 * HTTP binding before the route runs (a 500), so the Moodle path presents such a request as the JSON it is.
 */
class JsonUnderFormContentType extends OncePerRequestFilter {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getContentType() {
                        return "application/json";
                    }

                    @Override
                    public String getHeader(String name) {
                        return "content-type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
                    }
                },
                response);
    }
}
