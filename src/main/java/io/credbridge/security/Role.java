package io.credbridge.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a caller of the admin API may do; a caller may hold several roles. */
public enum Role {
    /** Decides transcript entries under review, grants and revokes awards. */
    REGISTRAR,
    /** Looks after the plumbing: dead letters and replay, identity mappings, catalog dry runs. */
    INTEGRATOR,
    /** Reads everything, changes nothing; the only role that reads the audit trail. */
    AUDITOR;

    /** The role as configuration, tokens and answers spell it: {@code registrar}, {@code integrator}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority that stands for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return Arrays.stream(values())
                .filter(role -> role.code().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** The role of a Spring Security authority, when it stands for one. */
    static Optional<Role> ofAuthority(String authority) {
        return authority != null && authority.startsWith("ROLE_") ? of(authority.substring(5)) : Optional.empty();
    }

    static String codes() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
    }
}
