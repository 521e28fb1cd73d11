package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;

/**
 * xAPI 1.0.3, 2.6 signed statements: the signature attachment is application/octet-stream and holds a JWS (RS256,
 * RS384 or RS512) whose payload is the statement as it was before the signature was added. The signature itself is
 * not verified: xAPI leaves that to the LRS's discretion and CredBridge has no trust store for signers.
 */
final class StatementSignature {

    private static final List<JWSAlgorithm> ALGORITHMS =
            List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementSignature() {}

    static void check(
            ObjectNode statement, JsonNode attachment, AttachmentPart part, Location at, List<Violation> out) {
        if (!"application/octet-stream".equals(attachment.path("contentType").asText())) {
            out.add(new Violation(
                    at.child("contentType").pointer(),
                    at.field() + " is a signature, so its contentType must be application/octet-stream; found "
                            + Phrases.found(attachment.path("contentType"))));
            return;
        }
        if (part == null) {
            return;
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(new String(part.content(), StandardCharsets.US_ASCII).strip());
        } catch (ParseException e) {
            out.add(new Violation(
                    at.pointer(),
                    at.field() + " is a signature, but " + part.describe() + " is not a JWS in compact serialization: "
                            + e.getMessage()));
            return;
        }
        if (!ALGORITHMS.contains(jws.getHeader().getAlgorithm())) {
            out.add(new Violation(
                    at.pointer(),
                    at.field() + " is signed with " + jws.getHeader().getAlgorithm()
                            + "; xAPI signatures use RS256, RS384 or RS512"));
            return;
        }
        JsonNode signed = payloadOf(jws);
        if (!(signed instanceof ObjectNode signedStatement)
                || !StatementFingerprint.of(signedStatement).equals(StatementFingerprint.of(unsigned(statement)))) {
            out.add(new Violation(
                    at.pointer(),
                    at.field() + " is a signature whose JWS payload is not this statement (as it was before the"
                            + " signature attachment was added)"));
        }
    }

    private static JsonNode payloadOf(JWSObject jws) {
        try {
            return JSON.readTree(jws.getPayload().toString());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ObjectNode unsigned(ObjectNode statement) {
        ObjectNode original = statement.deepCopy();
        if (original.get("attachments") instanceof ArrayNode attachments) {
            for (int i = attachments.size() - 1; i >= 0; i--) {
                if (AttachmentRule.SIGNATURE.equals(
                        attachments.get(i).path("usageType").asText())) {
                    attachments.remove(i);
                }
            }
            if (attachments.isEmpty()) {
                original.remove("attachments");
            }
        }
        return original;
    }
}
