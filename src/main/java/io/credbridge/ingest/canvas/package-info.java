/**
 * Canvas Live Events ingest, both formats and both deliveries. HTTPS: one event per POST, its body a JWT Canvas signed
 * with a key from its rotating JWKS, whose claims are the event ({@code metadata} and {@code body}) or a Caliper 1.1
 * envelope. SQS: the raw event JSON as each message's body, in Canvas format or as a Caliper 1.1 envelope, read with
 * long polling from a standard queue and deleted only once Kafka has the events. Caliper-format events are mapped by
 * the Caliper endpoint's mapping ({@link io.credbridge.ingest.canvas.CaliperFormat} tells the formats apart).
 *
 * <p>{@code course_completed}, {@code grade_change}, scored {@code submission_created/updated} and {@code
 * learning_outcome_result_created} become {@link io.credbridge.avro.LearningEvent}s; every other event is
 * acknowledged and ignored, because a subscription may carry any event type and Canvas disables subscriptions that
 * fail. Canvas-format events carry no id, so each gets one derived from its content ({@link
 * io.credbridge.ingest.canvas.CanvasEventIds}), the same whichever way it arrives.
 *
 * <p>{@link io.credbridge.ingest.canvas.CanvasLiveEventIngest} is the one entry point the HTTPS route calls; {@link
 * io.credbridge.ingest.canvas.CanvasSqsIngest} the SQS route's, and {@link io.credbridge.ingest.canvas.CanvasSqsQueue}
 * the only class that speaks SQS.
 */
package io.credbridge.ingest.canvas;
