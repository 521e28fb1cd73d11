/**
 * Transcript: writes awards to the Student Information System through an adapter behind {@link
 * io.credbridge.transcript.TranscriptWriter}. Every entry carries the award id as its idempotency key, so a
 * redelivered entry is a no-op on the SIS side. The flat-file adapter appends rows to CSV import files; the Ethos
 * ({@code ethos}) and generic REST ({@code rest}) adapters call the SIS over HTTP, one entry per call, each behind
 * a circuit breaker of its own. Their answers are sorted here: {@link io.credbridge.transcript.TransientSisFailure}
 * (the outbox retries) or {@link io.credbridge.transcript.PermanentSisRejection} (given up at once with the SIS's
 * message). The import-file adapter ({@code files}) puts one file per batch in a directory or on an SFTP server and
 * reads the SIS's acknowledgement files back ({@link io.credbridge.transcript.TranscriptAcknowledgements}).
 * {@code credbridge.transcript.target} chooses the adapter. The id the SIS knows each written entry's record by is
 * kept with it; {@link io.credbridge.transcript.TranscriptReconciliation} compares the awards with what the SIS
 * holds, read back through the adapter's {@link io.credbridge.transcript.TranscriptReadBack}.
 */
package io.credbridge.transcript;
