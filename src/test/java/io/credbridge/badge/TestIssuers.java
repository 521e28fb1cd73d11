package io.credbridge.badge;

import io.credbridge.badge.BadgeProperties.DevelopmentKeys;
import io.credbridge.badge.BadgeProperties.IssuerProperties;
import io.credbridge.badge.BadgeProperties.SecuredForm;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** A signing issuer with a fixed key, for tests that sign and verify credentials. */
final class TestIssuers {

    static final String CATALOG_ISSUER = "https://credentials.example.edu/issuers/ce";
    static final String PUBLIC_URL = "https://credentials.example.edu";
    static final String DID = "did:web:credentials.example.edu:issuers:ce";
    static final StatusListEntry STATUS = new StatusListEntry(PUBLIC_URL + "/issuers/ce/status/1", 4711);
    static final StatusListEntry SUSPENDABLE_STATUS =
            new StatusListEntry(PUBLIC_URL + "/issuers/ce/status/1", 4711, PUBLIC_URL + "/issuers/ce/suspension/1");

    private TestIssuers() {}

    static SigningKey key(String keyId, int seedByte) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) seedByte);
        return SigningKey.fromSeed(keyId, seed);
    }

    static Issuer issuer(SigningKey key, List<VerificationKey> previous) {
        return new Issuer(
                CATALOG_ISSUER,
                "ce",
                DID,
                "Example University Continuing Education",
                "https://www.example.edu/ce",
                "credentials@example.edu",
                "https://www.example.edu/ce/logo.png",
                key,
                previous);
    }

    static Issuers issuers() {
        return new Issuers(List.of(issuer(key("key-1", 7), List.of())));
    }

    static BadgeProperties properties(Set<SecuredForm> forms) {
        return new BadgeProperties(
                "https://credentials.example.edu/achievements/",
                PUBLIC_URL,
                forms,
                null,
                List.of(new IssuerProperties(
                        CATALOG_ISSUER, "ce", "Example University CE", null, null, null, null, List.of())),
                new DevelopmentKeys(false, Path.of("unused")));
    }

    static SecuredCredentials securedCredentials(Issuers issuers, Set<SecuredForm> forms) {
        return new SecuredCredentials(
                new OpenBadgeCredentials(properties(forms), issuers, JsonLdContexts.shipped(PUBLIC_URL)),
                issuers,
                new DataIntegrityProofs(new CanonicalRdf(JsonLdContexts.shipped(TestIssuers.PUBLIC_URL))),
                new VcJoseCredentials(),
                forms,
                award -> award.suspendable() ? SUSPENDABLE_STATUS : STATUS);
    }

    static SecuredCredentials securedCredentials() {
        return securedCredentials(issuers(), EnumSet.allOf(SecuredForm.class));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
