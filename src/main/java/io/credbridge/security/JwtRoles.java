package io.credbridge.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The roles a token grants: the values of the configured claim (a list, or one space- or comma-separated string;
 * a dotted path reaches into nested objects) that, after the configured prefix, name a role. Other values (the
 * identity provider's other groups) are ignored.
 */
final class JwtRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final List<String> claimPath;
    private final String prefix;

    JwtRoles(SecurityProperties.Jwt properties) {
        this.claimPath = properties.rolesClaimPath();
        this.prefix = properties.rolePrefix();
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(jwt.getClaims())) {
            if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                Role.of(value.substring(prefix.length())).ifPresent(roles::add);
            }
        }
        return roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    private List<String> values(Map<String, Object> claims) {
        Object node = claims;
        for (String step : claimPath) {
            if (!(node instanceof Map<?, ?> object)) {
                return List.of();
            }
            node = object.get(step);
        }
        List<String> values = new ArrayList<>();
        if (node instanceof Collection<?> list) {
            list.forEach(item -> values.add(String.valueOf(item)));
        } else if (node instanceof String text) {
            values.addAll(List.of(text.split("[\\s,]+")));
        }
        return values;
    }
}
