/**
 * Badges: turns awards into 1EdTech Open Badges 3.0 credentials and publishes them as BadgeIssuance events
 * (Avro, CloudEvents headers, keyed by learner) for badging platforms and CRMs.
 */
package io.credbridge.badge;
