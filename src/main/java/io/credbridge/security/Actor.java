package io.credbridge.security;

/**
 * Who does an admin action: the authenticated caller, as the audit trail and the records it changes name it.
 *
 * @param name the API key's name, or the token's name claim ({@code sub} by default); {@code anonymous} when
 *     authentication is off
 * @param scheme how the caller authenticated: {@code jwt}, {@code api-key}, or {@code none} (authentication off)
 */
public record Actor(String name, String scheme) {

    public static final Actor ANONYMOUS = new Actor("anonymous", "none");
}
