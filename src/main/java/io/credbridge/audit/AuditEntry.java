package io.credbridge.audit;

import java.time.Instant;

/**
 * One admin action as the audit trail keeps it.
 *
 * @param actor who did it: the authenticated caller's name
 * @param authScheme how the caller authenticated: jwt, api-key, or none (authentication off)
 * @param action what was done, e.g. {@code award.revoke}
 * @param target what it was done to, e.g. the award's id
 * @param reason why, in the caller's words; null when the action takes none
 * @param outcome what it changed, e.g. the awards a revocation ended with it
 */
public record AuditEntry(
        String auditId,
        Instant occurredAt,
        String actor,
        String authScheme,
        String action,
        String target,
        String reason,
        String outcome) {}
