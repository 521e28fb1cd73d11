/**
 * The credential catalog: credential definitions (what can be earned and by which criteria), loaded from
 * YAML files and validated at startup so that a bad definition stops CredBridge with a message naming the
 * file, the definition and the field.
 */
package io.credbridge.catalog;
