package io.credbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRolesTest {

    @Test
    void aListClaimGrantsTheRolesItNamesAndIgnoresOtherValues() {
        assertThat(roles("roles", "", Map.of("roles", List.of("Registrar", "auditor", "staff"))))
                .containsExactly("ROLE_REGISTRAR", "ROLE_AUDITOR");
    }

    @Test
    void aSpaceOrCommaSeparatedStringClaimIsReadAsAList() {
        assertThat(roles("groups", "", Map.of("groups", "integrator, auditor staff")))
                .containsExactly("ROLE_INTEGRATOR", "ROLE_AUDITOR");
    }

    @Test
    void aDottedPathReachesIntoNestedClaimsAndThePrefixIsRequired() {
        Map<String, Object> claims =
                Map.of("realm_access", Map.of("roles", List.of("credbridge-registrar", "registrar", "offline_access")));

        assertThat(roles("realm_access.roles", "credbridge-", claims)).containsExactly("ROLE_REGISTRAR");
    }

    @Test
    void aMissingOrOddlyShapedClaimGrantsNothing() {
        assertThat(roles("roles", "", Map.of("other", "x"))).isEmpty();
        assertThat(roles("realm_access.roles", "", Map.of("realm_access", "registrar")))
                .isEmpty();
        assertThat(roles("roles", "", Map.of("roles", 42))).isEmpty();
    }

    private static List<String> roles(String claim, String prefix, Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("s")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return new JwtRoles(new SecurityProperties.Jwt(null, null, List.of(), claim, prefix, "sub"))
                .convert(jwt.build()).stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList();
    }
}
