package io.credbridge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries an API key in the configured header. The key is compared with every
 * configured key in constant time (digests of equal length, all of them compared whatever matched), so the answer
 * time tells nothing about how much of a key was right; the key itself is never logged nor echoed. A request without
 * the header passes on unauthenticated (a bearer token may authenticate it); a wrong key is answered 401 at once.
 */
final class ApiKeyAuthentication extends OncePerRequestFilter {

    static final String SCHEME = "api-key";

    private final String header;
    private final List<KnownKey> keys;
    private final AuthenticationEntryPoint problems;

    ApiKeyAuthentication(SecurityProperties properties, AuthenticationEntryPoint problems) {
        this.header = properties.apiKeyHeader();
        this.keys = properties.apiKeys().stream()
                .map(key -> new KnownKey(digest(key.key()), key))
                .toList();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(header);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SecurityProperties.ApiKey> key = match(presented.strip());
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.commence(request, response, new UnknownKeyException());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyCaller(key.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    Optional<SecurityProperties.ApiKey> match(String presented) {
        byte[] digest = digest(presented);
        SecurityProperties.ApiKey found = null;
        for (KnownKey known : keys) {
            if (MessageDigest.isEqual(known.digest(), digest)) {
                found = known.key();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record KnownKey(byte[] digest, SecurityProperties.ApiKey key) {}

    /** A caller authenticated by an API key: its name is the key's name, its authorities the key's roles. */
    static final class ApiKeyCaller extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final String name;

        ApiKeyCaller(SecurityProperties.ApiKey key) {
            super(key.granted().stream()
                    .map(role -> new SimpleGrantedAuthority(role.authority()))
                    .toList());
            this.name = key.name();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return name;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    static final class UnknownKeyException extends AuthenticationException {

        private static final long serialVersionUID = 1L;

        UnknownKeyException() {
            super("the API key is not one CredBridge knows");
        }
    }
}
