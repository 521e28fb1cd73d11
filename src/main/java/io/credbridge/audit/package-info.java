/**
 * The audit trail of the admin API: every state-changing action (awards granted and revoked, transcript entries
 * approved and rejected, dead letters replayed, identity mappings changed) with who did it, when, to what and why,
 * kept in the database and read through {@code GET /api/audit}.
 */
package io.credbridge.audit;
