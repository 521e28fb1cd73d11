/**
 * Identity: who an event's learner is. Decides which of the identifiers a source gives for a learner awards are
 * keyed by, maps LMS learner identifiers and course IRIs to SIS person ids and course codes (a mapping table
 * filled by CSV upload and the admin API, and a lookup port SIS adapters implement), and keeps the events whose
 * learner has no SIS person id yet parked until a mapping releases them to the award stage.
 */
package io.credbridge.identity;
