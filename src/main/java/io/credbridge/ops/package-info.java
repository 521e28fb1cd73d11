/** Operations: the metrics CredBridge publishes and the health it reports. */
package io.credbridge.ops;
