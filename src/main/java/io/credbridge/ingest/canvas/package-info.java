/**
 * Canvas Live Events ingest (Canvas format, HTTPS delivery): one event per POST, its body a JWT Canvas signed with
 * a key from its rotating JWKS, whose claims are the event ({@code metadata} and {@code body}).
 *
 * <p>{@code course_completed}, {@code grade_change}, scored {@code submission_created/updated} and {@code
 * learning_outcome_result_created} become {@link io.credbridge.avro.LearningEvent}s; every other event is
 * acknowledged and ignored, because a subscription may carry any event type and Canvas disables subscriptions that
 * fail. Canvas-format events carry no id, so each gets one derived from its content ({@link
 * io.credbridge.ingest.canvas.CanvasEventIds}).
 *
 * <p>{@link io.credbridge.ingest.canvas.CanvasLiveEventIngest} is the one entry point the route calls.
 */
package io.credbridge.ingest.canvas;
