/**
 * Ingest: receives events from learning platforms, validates them against their source's rules and
 * normalizes them into {@link io.credbridge.avro.LearningEvent}s. One sub-package per source format.
 */
package io.credbridge.ingest;
