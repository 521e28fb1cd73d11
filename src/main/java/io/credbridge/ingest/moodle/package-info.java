/**
 * Moodle events pushed by the local_webhooks and tool_trigger plugins: one event per POST, its body the event's data
 * as JSON ({@code eventname}, {@code courseid}, {@code relateduserid}, {@code other}, {@code timecreated}, ...),
 * authenticated by the token configured for the Moodle site, sent in the body's {@code token} field (local_webhooks)
 * or as {@code Authorization: Bearer <token>} (a tool_trigger HTTP step's header).
 *
 * <p>Core's course_completed and user_graded events and mod_quiz's attempt_submitted
 * become {@link io.credbridge.avro.LearningEvent}s; every other event is answered 200 and ignored, because
 * local_webhooks sends every event Moodle raises. {@link io.credbridge.ingest.moodle.MoodleWebhookIngest} is the one
 * entry point the route calls.
 */
package io.credbridge.ingest.moodle;
