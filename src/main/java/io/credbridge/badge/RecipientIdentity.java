package io.credbridge.badge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.award.AwardChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a credential names its learner. A DID or URL is the subject's {@code id}; anything else is an OB 3.0
 * IdentityObject holding only a salted SHA-256 ({@code sha256$<hex>}), because credentials fan out to many systems
 * and an e-mail address or institutional id in plain text would leak to all of them. Whoever knows the value can
 * still check it against the hash and the salt, which is what a verifier needs.
 */
record RecipientIdentity(String subjectId, List<Identifier> identifiers) {

    record Identifier(String identityType, String identityHash, String salt) {}

    static RecipientIdentity of(AwardChange award) {
        String learner = award.learnerId();
        String salt = saltFor(award.awardId());
        List<Identifier> identifiers = new ArrayList<>();
        String subjectId = null;
        if (isDidOrUrl(learner)) {
            subjectId = learner;
        } else if (emailOf(learner).isPresent()) {
            identifiers.add(hashed("emailAddress", emailOf(learner).get().toLowerCase(Locale.ROOT), salt));
        } else {
            identifiers.add(hashed("accountId", learner, salt));
        }
        if (award.sisPersonId() != null && !award.sisPersonId().isBlank()) {
            identifiers.add(hashed("sisSourcedId", award.sisPersonId(), salt));
        }
        return new RecipientIdentity(subjectId, identifiers);
    }

    /** The e-mail address a learner id is, with or without {@code mailto:}; empty for any other kind of id. */
    static Optional<String> emailOf(String learnerId) {
        if (learnerId == null || !learnerId.contains("@") || isDidOrUrl(learnerId)) {
            return Optional.empty();
        }
        return Optional.of(learnerId.regionMatches(true, 0, "mailto:", 0, 7) ? learnerId.substring(7) : learnerId);
    }

    void writeTo(ObjectNode subject) {
        if (subjectId != null) {
            subject.put("id", subjectId);
        }
        if (!identifiers.isEmpty()) {
            ArrayNode array = subject.putArray("identifier");
            for (Identifier identifier : identifiers) {
                ObjectNode node = array.addObject();
                node.put("type", "IdentityObject");
                node.put("identityHash", identifier.identityHash());
                node.put("identityType", identifier.identityType());
                node.put("hashed", true);
                node.put("salt", identifier.salt());
            }
        }
    }

    /** What a verifier computes from the plain value and the salt the credential carries (OB 3.0 IdentityHash). */
    static String identityHash(String value, String salt) {
        return "sha256$" + HexFormat.of().formatHex(sha256(value + salt));
    }

    private static Identifier hashed(String type, String value, String salt) {
        return new Identifier(type, identityHash(value, salt), salt);
    }

    /**
     * One salt per award, derived from its id so a redelivered event carries the same credential. The salt is
     * published beside the hash anyway; it exists so equal values hash differently across credentials.
     */
    private static String saltFor(String awardId) {
        return HexFormat.of().formatHex(sha256("credbridge-identity-salt:" + awardId), 0, 16);
    }

    private static boolean isDidOrUrl(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("did:") || lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
