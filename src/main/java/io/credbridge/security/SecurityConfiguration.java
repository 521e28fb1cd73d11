package io.credbridge.security;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;

/**
 * The one filter chain: every endpoint as {@link ApiAccess} maps it, callers authenticated by a JWT of the campus
 * identity provider or an API key, stateless (no session, no cookie, so no CSRF token either), and answers to
 * refused callers as problem details. With authentication off (the demo) everything is open, and the log says so.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The ingest endpoints, each of which authenticates its own senders (Canvas's signature, HTTP Basic per LRS client,
     * a bearer token per Caliper sensor, ...). No filter of the API's runs here: a sensor's bearer token is not a JWT of
     * the identity provider, and must reach its source's check rather than be refused on the way.
     */
    @Bean
    @Order(1)
    SecurityFilterChain ingestSecurity(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(ApiAccess.INGEST))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain credBridgeSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
        stateless(http);
        if (!properties.enabled()) {
            log.warn("""

                    ********************************************************************************************
                    AUTHENTICATION IS OFF (credbridge.security.enabled=false): anyone who can reach this port can
                    read every learner's awards, grant and revoke awards, replay dead letters and post xAPI
                    statements. Use this for a local demo only; see the README's Security section.
                    ********************************************************************************************""");
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
        }
        AccessProblems problems = new AccessProblems(properties);
        http.authorizeHttpRequests(requests -> {
                    ApiAccess.OPEN.forEach(
                            path -> requests.requestMatchers(path).permitAll());
                    ApiAccess.API.forEach(
                            rule -> requests.requestMatchers(rule.matcher()).hasAnyRole(rule.roleNames()));
                    ApiAccess.CLOSED.forEach(
                            path -> requests.requestMatchers(path).denyAll());
                    requests.anyRequest().authenticated();
                })
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (!properties.apiKeys().isEmpty()) {
            http.addFilterBefore(new ApiKeyAuthentication(properties, problems), BearerTokenAuthenticationFilter.class);
        }
        if (properties.jwt().configured()) {
            JwtRoles roles = new JwtRoles(properties.jwt());
            String nameClaim = properties.jwt().nameClaim();
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder(properties.jwt()))
                            .jwtAuthenticationConverter(token -> new JwtAuthenticationToken(
                                    token,
                                    roles.convert(token),
                                    Optional.ofNullable(token.getClaimAsString(nameClaim))
                                            .orElse(token.getSubject()))))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            // An identity provider that cannot be reached is answered 503, not thrown on as a 500.
                            AuthenticationEntryPointFailureHandler failures =
                                    new AuthenticationEntryPointFailureHandler(problems);
                            failures.setRethrowAuthenticationServiceException(false);
                            filter.setAuthenticationFailureHandler(failures);
                            return filter;
                        }
                    }));
        }
        log.info(
                "Admin API authentication: {}{}",
                properties.jwt().configured() ? "JWTs from " + identityProvider(properties.jwt()) + "; " : "",
                properties.apiKeys().isEmpty()
                        ? "no API keys"
                        : properties.apiKeys().size() + " API key(s) in header " + properties.apiKeyHeader() + " ("
                                + properties.apiKeys().stream()
                                        .map(SecurityProperties.ApiKey::name)
                                        .toList() + ")");
        return http.build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
    }

    private static String identityProvider(SecurityProperties.Jwt jwt) {
        return (jwt.issuerUri() != null ? "issuer " + jwt.issuerUri() : "keys at " + jwt.jwkSetUri())
                + " (roles in claim '" + jwt.rolesClaim() + "')";
    }

    /**
     * Keys from the JWK set URI when one is given, else found through OpenID Connect discovery at the first token
     * (so that the app starts while the identity provider is unreachable, and tries again at the next token).
     */
    static JwtDecoder decoder(SecurityProperties.Jwt jwt) {
        JwtDecoder decoder = keysOf(jwt);
        return token -> {
            try {
                return decoder.decode(token);
            } catch (JwtDecoderInitializationException e) {
                throw new JwtException("the identity provider at " + jwt.issuerUri() + " cannot be reached to find its"
                        + " keys: " + e.getCause().getMessage());
            }
        };
    }

    private static JwtDecoder keysOf(SecurityProperties.Jwt jwt) {
        OAuth2TokenValidator<Jwt> validator = validator(jwt);
        if (jwt.jwkSetUri() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                            jwt.jwkSetUri().toString())
                    .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(
                            SignatureAlgorithm.RS256,
                            SignatureAlgorithm.RS384,
                            SignatureAlgorithm.RS512,
                            SignatureAlgorithm.PS256,
                            SignatureAlgorithm.ES256,
                            SignatureAlgorithm.ES384)))
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        String issuer = jwt.issuerUri().toString();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(SecurityProperties.Jwt jwt) {
        OAuth2TokenValidator<Jwt> standard = jwt.issuerUri() == null
                ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(jwt.issuerUri().toString());
        if (jwt.audiences().isEmpty()) {
            return standard;
        }
        return new DelegatingOAuth2TokenValidator<>(
                standard,
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD,
                        audience -> audience != null && audience.stream().anyMatch(jwt.audiences()::contains)));
    }
}
