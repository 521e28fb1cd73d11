/**
 * xAPI ingest: takes an LRS-style {@code PUT /statements?statementId=} (one Statement) or {@code POST /statements}
 * (one or an array; as JSON or multipart/mixed with attachment parts), checks it against xAPI 1.0.3 (2.0 accepted),
 * refuses a statement id accepted before with other content, and turns the statements CredBridge acts on
 * (ADL completed, passed, failed, scored on an Activity) into {@link io.credbridge.avro.LearningEvent}s.
 *
 * <p>A batch is accepted or rejected as a whole, like an LRS does, so a producer never has to work
 * out which half of its batch was stored. Valid statements CredBridge has no use for are reported as
 * ignored, not as errors: LRS forwarders send everything they receive.
 *
 * <p>{@link io.credbridge.ingest.xapi.XapiStatementIngest} is the one entry point the statements route calls;
 * {@link io.credbridge.ingest.xapi.LrsResources} answers the LRS resources CredBridge does not serve as an LRS.
 */
package io.credbridge.ingest.xapi;
