/**
 * CSV backfill of historical grades and completions: a configured layout maps a file's columns to LearningEvents,
 * each row gets an event id derived from what it says, so a file imported twice awards nothing twice. Runs as a
 * job (HTTP API) or once from the command line.
 */
package io.credbridge.ingest.backfill;
