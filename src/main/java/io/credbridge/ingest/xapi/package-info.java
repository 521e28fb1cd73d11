/**
 * xAPI ingest: takes the body of an LRS-style {@code POST /statements} (one Statement or an array),
 * checks it against xAPI 1.0.3 (2.0 accepted), and turns the statements CredBridge acts on
 * (ADL completed, passed, failed, scored on an Activity) into {@link io.credbridge.avro.LearningEvent}s.
 *
 * <p>A batch is accepted or rejected as a whole, like an LRS does, so a producer never has to work
 * out which half of its batch was stored. Valid statements CredBridge has no use for are reported as
 * ignored, not as errors: LRS forwarders send everything they receive.
 *
 * <p>{@link io.credbridge.ingest.xapi.XapiStatementIngest} is the one entry point a route calls.
 */
package io.credbridge.ingest.xapi;
