package io.credbridge.badge;

/**
 * One award's credential in the forms it is published in.
 *
 * @param document the AchievementCredential without a proof (JSON-LD)
 * @param dataIntegrity the same document with an embedded eddsa-rdfc-2022 proof; null when that form is off
 * @param jwt the document as a VC-JOSE compact JWS; null when that form is off
 */
public record SecuredCredential(String document, String dataIntegrity, String jwt) {}
