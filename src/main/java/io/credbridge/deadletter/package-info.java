/**
 * Dead letters: whatever CredBridge cannot process is kept here with its reason and its original payload,
 * published to the dead-letter topic, listed by the admin API and replayed from there once the cause is fixed.
 */
package io.credbridge.deadletter;
