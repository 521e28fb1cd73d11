package io.credbridge.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The caller of the request being handled. Admin endpoints take the actor of what they change from here, never from
 * the request body, so no caller can act in someone else's name.
 */
@Component
public class Actors {

    public Actor current() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            return Actor.ANONYMOUS;
        }
        String scheme = caller instanceof JwtAuthenticationToken
                ? "jwt"
                : caller instanceof ApiKeyAuthentication.ApiKeyCaller ? ApiKeyAuthentication.SCHEME : "other";
        String name = caller.getName() == null ? "unnamed" : caller.getName();
        // Every record that names an actor keeps at most 255 characters of it.
        return new Actor(name.length() > 255 ? name.substring(0, 255) : name, scheme);
    }
}
