/**
 * IMS Caliper 1.1 and 1.2 ingest: a sensor POSTs one envelope ({@code sensor}, {@code sendTime}, {@code dataVersion},
 * {@code data}) per request with {@code Authorization: Bearer <token>}, the token configured for that sensor.
 *
 * <p>Envelopes are validated whole, against the official Caliper JSON schemas of their version with the errata
 * CredBridge applies ({@code caliper/schema/errata.json}). GradeEvent Graded, AssessmentEvent Submitted,
 * AssignableEvent Completed and the generic Event Completed on a course become {@link
 * io.credbridge.avro.LearningEvent}s; every other valid event and entity is accepted, counted and ignored.
 *
 * <p>{@link io.credbridge.ingest.caliper.CaliperSensorIngest} is the one entry point the route calls.
 */
package io.credbridge.ingest.caliper;
