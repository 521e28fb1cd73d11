/**
 * Kafka plumbing: a real Apache Kafka broker (KRaft, one node) that runs inside the application as
 * the zero-setup local default, and the {@code kafka} health check that asks whichever cluster Camel
 * is configured to use ({@code camel.component.kafka.brokers}).
 *
 * <p>Set {@code credbridge.embedded-kafka.enabled=true} to run the broker in-process; leave it off to
 * use an external cluster. Its data directory survives restarts, so topics, records and consumer
 * group offsets are still there after the application stops and starts again.
 */
package io.credbridge.kafka;
