package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * xAPI 1.0.3 attachments in transport (Communication 1.5, Data 2.4.11): an attachment without {@code fileUrl} comes
 * as a part of a multipart/mixed request whose X-Experience-API-Hash is the attachment's sha2 and whose content
 * really hashes to it; every part belongs to an attachment; a signature attachment holds a valid JWS of its
 * statement. CredBridge keeps no attachment: it checks them so that what it accepts is what an LRS would.
 */
final class AttachmentRule {

    static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";

    private AttachmentRule() {}

    static List<Violation> check(StatementBody statements, List<AttachmentPart> parts, boolean multipart) {
        List<Violation> violations = new ArrayList<>();
        Set<String> sha2s = new HashSet<>();
        for (int s = 0; s < statements.size(); s++) {
            ObjectNode statement = statements.statements().get(s);
            JsonNode attachments = statement.path("attachments");
            for (int a = 0; a < attachments.size(); a++) {
                JsonNode attachment = attachments.get(a);
                Location at = new Location(statements.prefixOf(s))
                        .child("attachments")
                        .index(a);
                String sha2 = attachment.path("sha2").asText().toLowerCase(Locale.ROOT);
                sha2s.add(sha2);
                AttachmentPart part = partWithHash(parts, sha2);
                if (part == null && !attachment.has("fileUrl")) {
                    violations.add(new Violation(
                            at.child("sha2").pointer(),
                            at.field() + " has no fileUrl, so its content must come as a part of a multipart/mixed"
                                    + " request with X-Experience-API-Hash: " + sha2 + "; "
                                    + (multipart ? "no part has that hash" : "this request is not multipart/mixed")));
                }
                if (SIGNATURE.equals(attachment.path("usageType").asText())) {
                    StatementSignature.check(statement, attachment, part, at, violations);
                }
            }
        }
        for (AttachmentPart part : parts) {
            checkPart(part, sha2s, violations);
        }
        return violations;
    }

    private static void checkPart(AttachmentPart part, Set<String> sha2s, List<Violation> out) {
        String hash = part.header(AttachmentPart.HASH);
        if (hash == null) {
            out.add(new Violation(
                    "",
                    part.describe() + " has no X-Experience-API-Hash header; each part after the statements must name"
                            + " the sha2 of its attachment (all statements belong in the first part)"));
            return;
        }
        if (!"binary".equalsIgnoreCase(part.header("content-transfer-encoding"))) {
            out.add(new Violation("", part.describe() + " must have the header Content-Transfer-Encoding: binary"));
        }
        String actual = Sha256.hex(part.content());
        if (!actual.equalsIgnoreCase(hash)) {
            out.add(new Violation(
                    "", part.describe() + " holds content whose SHA-256 is " + actual + ", not the hash it names"));
        }
        if (!sha2s.contains(hash.toLowerCase(Locale.ROOT))) {
            out.add(new Violation(
                    "", part.describe() + " belongs to no attachment: no statement has an attachment with that sha2"));
        }
    }

    private static AttachmentPart partWithHash(List<AttachmentPart> parts, String sha2) {
        return parts.stream()
                .filter(part -> sha2.equalsIgnoreCase(part.header(AttachmentPart.HASH)))
                .findFirst()
                .orElse(null);
    }
}
