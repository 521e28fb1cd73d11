/**
 * The transactional outbox. Whatever the award stage decides is written as outbox events in the same database
 * transaction; relays deliver them afterwards (right after the commit, with a slow poll as the safety net) to
 * the SIS adapter, the badge topic and the dead-letter topic, at least once, each with a stable id. Statuses
 * follow Spring Modulith's event publication vocabulary: pending, completed, failed.
 */
package io.credbridge.outbox;
