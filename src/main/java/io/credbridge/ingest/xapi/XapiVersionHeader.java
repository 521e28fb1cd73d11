package io.credbridge.ingest.xapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * xAPI 1.0.3 (Communication 3.3): every LRS answer carries the X-Experience-API-Version header. Set before anything
 * answers, so refusals (a route's problem details, a 405 or 404 from Spring, a 503 while CredBridge starts) carry it
 * too, not only the answers the xAPI routes write.
 */
class XapiVersionHeader extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(XapiVersion.HEADER, LrsResources.ANSWERED_VERSION);
        chain.doFilter(request, response);
    }
}
