/**
 * Awarding: consumes normalized learning events, records each learner's progress per requirement and awards
 * credentials whose criteria are all met. A batch of events (one Kafka poll) is applied in one database
 * transaction together with its dedup log entries and outbox events, so a crash loses nothing and a redelivered
 * event changes nothing.
 */
package io.credbridge.award;
