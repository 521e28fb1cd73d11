/**
 * The generic REST adapter: a method, URL template and body template per action (issued, revoked, expired),
 * OAuth 2.0 client credentials or an API key, and an idempotency header carrying the award id and action.
 */
package io.credbridge.transcript.rest;
