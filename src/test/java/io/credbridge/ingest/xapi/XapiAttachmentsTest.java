package io.credbridge.ingest.xapi;

import static io.credbridge.ingest.xapi.Statements.valid;
import static io.credbridge.ingest.xapi.Statements.with;
import static io.credbridge.ingest.xapi.Statements.without;
import static io.credbridge.ingest.xapi.XapiStatementValidatorTest.catchRejection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statements with attachments as xAPI 1.0.3 sends them (Communication 1.5.2): multipart/mixed, the statements in
 * the first part, each attachment's content in a part named by its SHA-256; and signed statements (Data 2.6).
 * Cases named after the ADL conformance requirements they cover (XAPI-00115 to 00117, 00127 to 00135).
 */
class XapiAttachmentsTest {

    private static final String BOUNDARY = "abcABC0123'()+_,-./:=?";
    private static final String MIXED = "multipart/mixed; boundary=\"" + BOUNDARY + "\"";
    private static final byte[] TEXT = "here is a simple attachment".getBytes(StandardCharsets.UTF_8);
    private static RSAKey signer;

    private final XapiStatementIngest ingest = new XapiStatementIngest(
            new XapiStatementValidator(XapiIngestProperties.defaults()),
            new XapiStatementNormalizer(),
            new InMemoryAcceptedStatements(),
            Clock.fixed(Instant.parse("2024-03-01T10:15:30Z"), ZoneOffset.UTC));

    @BeforeAll
    static void makeASigningKey() throws JOSEException {
        signer = new RSAKeyGenerator(2048).generate();
    }

    @Test
    void acceptsAStatementWhoseAttachmentComesAsAPartWithItsHash() {
        ObjectNode statement = withAttachment(valid(), "text/plain", TEXT);

        XapiBatch batch = post(statement.toString(), part(TEXT, Sha256.hex(TEXT), true));

        assertThat(batch.statementIds()).containsExactly(Statements.ID);
    }

    @Test
    void acceptsAPutWithAnAttachmentPart() {
        ObjectNode statement = withAttachment(valid(), "text/plain", TEXT);

        XapiBatch batch = ingest.receive(
                "PUT",
                Statements.ID,
                null,
                MIXED,
                multipart(statement.toString(), part(TEXT, Sha256.hex(TEXT), true)),
                "1.0.3");

        assertThat(batch.status()).isEqualTo(204);
    }

    @Test
    void acceptsAnAttachmentByFileUrlInAJsonRequest() {
        ObjectNode statement = withAttachment(valid(), "text/plain", TEXT);
        with(statement, "/attachments/0/fileUrl", "\"https://example.com/file.txt\"");

        assertThat(ingest.accept(statement.toString(), "1.0.3").statementIds()).containsExactly(Statements.ID);
    }

    @Test
    void xapi00129RejectsAJsonRequestWithAnAttachmentThatHasNoFileUrl() {
        ObjectNode statement = withAttachment(valid(), "text/plain", TEXT);

        RejectedInputException rejected = catchRejection(() -> ingest.accept(statement.toString(), "1.0.3"));

        assertThat(rejected.violations())
                .containsExactly(new Violation(
                        "/attachments/0/sha2",
                        "attachments[0] has no fileUrl, so its content must come as a part of a multipart/mixed request"
                                + " with X-Experience-API-Hash: " + Sha256.hex(TEXT)
                                + "; this request is not multipart/mixed"));
    }

    @Test
    void xapi00129RejectsAMultipartRequestMissingAnAttachmentsPart() {
        ObjectNode statement = withAttachment(valid(), "text/plain", TEXT);

        assertThat(messagesOf(() -> post(statement.toString())))
                .containsExactly(
                        "attachments[0] has no fileUrl, so its content must come as a part of a multipart/mixed"
                                + " request with X-Experience-API-Hash: " + Sha256.hex(TEXT)
                                + "; no part has that hash");
    }

    @Test
    void xapi00128RejectsAPartThatBelongsToNoAttachment() {
        byte[] other = "another file".getBytes(StandardCharsets.UTF_8);

        assertThat(messagesOf(() -> post(valid().toString(), part(other, Sha256.hex(other), true))))
                .containsExactly("part 2 (x-experience-api-hash: " + Sha256.hex(other)
                        + ") belongs to no attachment: no statement has an attachment with that sha2");
    }

    @Test
    void xapi00131RejectsAMultipartContentTypeWithoutBoundary() {
        RejectedInputException rejected = catchRejection(
                () -> ingest.receive("POST", null, null, "multipart/mixed", multipart(valid().toString()), "1.0.3"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.detail())
                .isEqualTo("Content-Type multipart/mixed names no boundary; send multipart/mixed;"
                        + " boundary=<text> with that text before each part");
    }

    @Test
    void xapi00130RejectsABodyWithoutTheBoundary() {
        RejectedInputException rejected = catchRejection(() -> ingest.receive(
                "POST", null, null, "multipart/mixed; boundary=elsewhere", multipart(valid().toString()), "1.0.3"));

        assertThat(rejected.title()).isEqualTo("Malformed multipart request");
        assertThat(rejected.detail()).contains("the boundary \"elsewhere\" of the Content-Type header never appears");
    }

    @Test
    void rejectsAPartWithoutTheClosingBoundary() {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n" + valid())
                .getBytes(StandardCharsets.UTF_8);

        RejectedInputException rejected =
                catchRejection(() -> ingest.receive("POST", null, null, MIXED, body, "1.0.3"));

        assertThat(rejected.detail()).startsWith("Part 1 never ends");
    }

    @Test
    void xapi00134RejectsAFirstPartThatIsNotJson() {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\n" + valid() + "\r\n--" + BOUNDARY + "--")
                .getBytes(StandardCharsets.UTF_8);

        RejectedInputException rejected =
                catchRejection(() -> ingest.receive("POST", null, null, MIXED, body, "1.0.3"));

        assertThat(rejected.detail())
                .isEqualTo("The first part must hold the statements with Content-Type: application/json; found"
                        + " Content-Type: text/plain");
    }

    @Test
    void xapi00133RejectsStatementsSplitOverParts() {
        byte[] second = with(valid(), "/id", "\"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"")
                .toString()
                .getBytes(StandardCharsets.UTF_8);

        assertThat(messagesOf(() -> post(valid().toString(), part(second, null, false))))
                .singleElement()
                .satisfies(message -> assertThat(message).startsWith("part 2 has no X-Experience-API-Hash header"));
    }

    @Test
    void xapi00132RejectsAPartWhoseContentDoesNotHashToItsHeader() {
        ObjectNode statement = withAttachment(valid(), "text/plain", TEXT);
        byte[] tampered = "here is a tampered attachment".getBytes(StandardCharsets.UTF_8);

        assertThat(messagesOf(() -> post(statement.toString(), part(tampered, Sha256.hex(TEXT), true))))
                .containsExactly("part 2 (x-experience-api-hash: " + Sha256.hex(TEXT) + ") holds content whose SHA-256"
                        + " is " + Sha256.hex(tampered) + ", not the hash it names");
    }

    @Test
    void xapi00135RejectsAPartWithoutBinaryTransferEncoding() {
        ObjectNode statement = withAttachment(valid(), "text/plain", TEXT);

        assertThat(messagesOf(() -> post(statement.toString(), part(TEXT, Sha256.hex(TEXT), false))))
                .containsExactly("part 2 (x-experience-api-hash: " + Sha256.hex(TEXT)
                        + ") must have the header Content-Transfer-Encoding: binary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512"})
    void xapi00117AcceptsAStatementSignedWithAnRsaAlgorithm(String algorithm) throws JOSEException {
        byte[] jws = sign(valid(), new JWSHeader(JWSAlgorithm.parse(algorithm)));

        XapiBatch batch = post(signed(valid(), jws).toString(), part(jws, Sha256.hex(jws), true));

        assertThat(batch.statementIds()).containsExactly(Statements.ID);
    }

    @Test
    void xapi00117RejectsAStatementSignedWithAnotherAlgorithm() throws JOSEException {
        JWSObject hmac = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(valid().toString()));
        hmac.sign(new MACSigner(new byte[32]));
        byte[] jws = hmac.serialize().getBytes(StandardCharsets.US_ASCII);

        assertThat(messagesOf(() -> post(signed(valid(), jws).toString(), part(jws, Sha256.hex(jws), true))))
                .containsExactly("attachments[0] is signed with HS256; xAPI signatures use RS256, RS384 or RS512");
    }

    @Test
    void xapi00116RejectsASignatureOfAnotherStatement() throws JOSEException {
        byte[] jws = sign(with(valid(), "/result/score/scaled", "1.0"), new JWSHeader(JWSAlgorithm.RS256));

        assertThat(messagesOf(() -> post(signed(valid(), jws).toString(), part(jws, Sha256.hex(jws), true))))
                .containsExactly("attachments[0] is a signature whose JWS payload is not this statement (as it was"
                        + " before the signature attachment was added)");
    }

    @Test
    void xapi00115RejectsASignatureThatIsNotAJws() {
        byte[] notJws = "not a signature".getBytes(StandardCharsets.US_ASCII);

        assertThat(messagesOf(() -> post(signed(valid(), notJws).toString(), part(notJws, Sha256.hex(notJws), true))))
                .singleElement()
                .satisfies(message -> assertThat(message)
                        .startsWith("attachments[0] is a signature, but part 2 (x-experience-api-hash: "
                                + Sha256.hex(notJws) + ") is not a JWS in compact serialization"));
    }

    @Test
    void xapi00115RejectsASignatureWithAnotherContentType() throws JOSEException {
        byte[] jws = sign(valid(), new JWSHeader(JWSAlgorithm.RS256));
        ObjectNode statement = signed(valid(), jws);
        with(statement, "/attachments/0/contentType", "\"text/plain; charset=ascii\"");

        assertThat(messagesOf(() -> post(statement.toString(), part(jws, Sha256.hex(jws), true))))
                .containsExactly("attachments[0] is a signature, so its contentType must be application/octet-stream;"
                        + " found \"text/plain; charset=ascii\"");
    }

    private XapiBatch post(String statements, byte[]... parts) {
        return ingest.receive("POST", null, null, MIXED, multipart(statements, parts), "1.0.3");
    }

    private List<String> messagesOf(Runnable call) {
        RejectedInputException rejected = catchRejection(call);
        assertThat(rejected.status()).isEqualTo(400);
        return rejected.violations().stream().map(Violation::message).toList();
    }

    private static ObjectNode withAttachment(ObjectNode statement, String contentType, byte[] content) {
        return with(
                statement,
                "/attachments",
                "[{\"usageType\": \"http://example.com/attachment-usage/test\", \"display\": {\"en-US\": \"A test\"},"
                        + " \"contentType\": \"" + contentType + "\", \"length\": " + content.length + ", \"sha2\": \""
                        + Sha256.hex(content) + "\"}]");
    }

    private static ObjectNode signed(ObjectNode statement, byte[] jws) {
        return with(
                statement.deepCopy(),
                "/attachments",
                "[{\"usageType\": \"http://adlnet.gov/expapi/attachments/signature\", \"display\": {\"en-US\":"
                        + " \"Signature\"}, \"contentType\": \"application/octet-stream\", \"length\": " + jws.length
                        + ", \"sha2\": \"" + Sha256.hex(jws) + "\"}]");
    }

    private static byte[] sign(ObjectNode statement, JWSHeader header) throws JOSEException {
        JWSObject jws = new JWSObject(
                header, new Payload(without(statement.deepCopy(), "/id").toString()));
        jws.sign(new RSASSASigner(signer));
        return jws.serialize().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] part(byte[] content, String hash, boolean binary) {
        StringBuilder headers = new StringBuilder("Content-Type: application/octet-stream\r\n");
        if (hash != null) {
            headers.append("X-Experience-API-Hash: ").append(hash).append("\r\n");
        }
        if (binary) {
            headers.append("Content-Transfer-Encoding: binary\r\n");
        }
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(headers.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        part.writeBytes(content);
        return part.toByteArray();
    }

    private static byte[] multipart(String statements, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n" + statements)
                .getBytes(StandardCharsets.UTF_8));
        for (byte[] part : parts) {
            body.writeBytes(("\r\n--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(part);
        }
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return body.toByteArray();
    }
}
