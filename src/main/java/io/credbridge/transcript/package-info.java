/**
 * Transcript: writes awards to the Student Information System through an adapter behind {@link
 * io.credbridge.transcript.TranscriptWriter}. Every entry carries the award id as its idempotency key, so a
 * redelivered entry is a no-op on the SIS side. The flat-file adapter appends rows to CSV import files.
 */
package io.credbridge.transcript;
