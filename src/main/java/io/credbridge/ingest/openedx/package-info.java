/**
 * The Open edX event bus as a source: the campus's Kafka topics that edx-platform publishes openedx-events to (Avro in
 * the Confluent wire format, one CloudEvent per record, its envelope in {@code ce_*} headers), read with a consumer of
 * CredBridge's own and mapped into LearningEvents.
 */
package io.credbridge.ingest.openedx;
