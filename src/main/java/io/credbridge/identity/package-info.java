/**
 * Identity: decides which of the identifiers a source gives for a learner CredBridge keys awards by. Later it
 * maps LMS user and course ids to SIS ids.
 */
package io.credbridge.identity;
