/**
 * The Ellucian Ethos Integration adapter (Banner, Colleague): a bearer token from {@code POST /auth}, versioned
 * media types on every call, idempotent creates by PUT to a GUID derived from the award id and action, request
 * bodies from a Mustache template per action, a startup check of {@code /admin/available-resources}, and the SIS
 * person lookup through {@code persons}.
 */
package io.credbridge.transcript.ethos;
