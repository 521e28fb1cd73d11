/**
 * Badges: turns awards into 1EdTech Open Badges 3.0 credentials, signs them in both OB 3.0 forms (an
 * eddsa-rdfc-2022 Data Integrity proof over JSON-LD resolved only from pinned contexts, and a VC-JOSE JWS) with each
 * issuer's configured key, serves the issuers' did:web documents and JWK sets, and publishes BadgeIssuance events
 * (Avro, CloudEvents headers, keyed by learner) for badging platforms and CRMs.
 */
package io.credbridge.badge;
