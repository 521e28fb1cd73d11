/**
 * Who may call CredBridge's admin and learner APIs and its actuator endpoints: callers authenticate with a JWT from
 * the campus identity provider or with an API key, and each endpoint takes a role ({@link Role}). Answers to callers
 * who are not authenticated (401) or not allowed (403) are RFC 9457 problem details. The ingest endpoints under
 * {@code /lms/} are left to each source, which authenticates its own senders.
 */
package io.credbridge.security;
