package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.avro.LearningEvent;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The xAPI endpoint's bean: validate a {@code PUT} or {@code POST /statements} request as a whole, refuse ids already
 * accepted with other content, then normalize each statement into an event to publish or an ignored statement to
 * report.
 */
@Component("xapiStatementIngest")
public class XapiStatementIngest {

    private final XapiStatementValidator validator;
    private final XapiStatementNormalizer normalizer;
    private final AcceptedStatements accepted;
    private final Clock clock;

    XapiStatementIngest(
            XapiStatementValidator validator,
            XapiStatementNormalizer normalizer,
            AcceptedStatements accepted,
            Clock clock) {
        this.validator = validator;
        this.normalizer = normalizer;
        this.accepted = accepted;
        this.clock = clock;
    }

    /**
     * One request to {@code /lms/xapi/statements}, as the route receives it.
     *
     * @param method the HTTP method: PUT stores one statement, POST one or an array
     * @param statementId PUT's query parameter
     * @param alternateMethod the {@code method} query parameter of xAPI 1.0's alternate request syntax, refused
     * @param contentType the Content-Type header: multipart/mixed brings attachment parts after the statements
     * @throws RejectedInputException (4xx) when anything in the request is unacceptable; nothing from it may be
     *     published then
     */
    public XapiBatch receive(
            String method,
            String statementId,
            String alternateMethod,
            String contentType,
            byte[] body,
            String xapiVersionHeader) {
        if (alternateMethod != null) {
            throw Rejections.alternateRequestSyntax(alternateMethod);
        }
        XapiMediaType.check(contentType);
        boolean multipart = MultipartStatements.isMultipartMixed(contentType);
        byte[] bytes = body == null ? new byte[0] : body;
        MultipartStatements request = multipart
                ? MultipartStatements.parse(contentType, bytes)
                : new MultipartStatements(new String(bytes, StandardCharsets.UTF_8), List.of());
        if ("PUT".equalsIgnoreCase(method)) {
            StatementBody statement = validator.validateOne(request.statements(), xapiVersionHeader, statementId);
            return store(withAttachments(statement, request.attachments(), multipart), false);
        }
        StatementBody statements = validator.validateBody(request.statements(), xapiVersionHeader);
        return store(withAttachments(statements, request.attachments(), multipart), true);
    }

    /**
     * A {@code POST /statements} body sent as application/json.
     *
     * @param body the request body: one xAPI Statement or an array of them
     * @param xapiVersionHeader the X-Experience-API-Version header
     * @throws RejectedInputException (400 / 409 / 413) when anything in the request is unacceptable; nothing from
     *     the request may be published then
     */
    public XapiBatch accept(String body, String xapiVersionHeader) {
        return store(withAttachments(validator.validateBody(body, xapiVersionHeader), List.of(), false), true);
    }

    private static StatementBody withAttachments(
            StatementBody statements, List<AttachmentPart> parts, boolean multipart) {
        List<Violation> violations = AttachmentRule.check(statements, parts, multipart);
        if (!violations.isEmpty()) {
            throw Rejections.invalidStatements(violations);
        }
        return statements;
    }

    private XapiBatch store(StatementBody body, boolean answerWithIds) {
        List<ObjectNode> statements = body.statements();
        Instant receivedAt = clock.instant();
        List<String> statementIds = new ArrayList<>();
        statements.forEach(statement -> statementIds.add(idOf(statement)));
        refuseConflicts(body, statementIds, receivedAt);
        List<LearningEvent> events = new ArrayList<>();
        List<IgnoredStatement> ignored = new ArrayList<>();
        for (ObjectNode statement : statements) {
            Normalized outcome = normalizer.normalize(statement, receivedAt);
            if (outcome instanceof Normalized.Event event) {
                events.add(event.event());
            } else if (outcome instanceof Normalized.Ignored skipped) {
                ignored.add(skipped.statement());
            }
        }
        return new XapiBatch(statementIds, events, ignored, answerWithIds);
    }

    private void refuseConflicts(StatementBody body, List<String> statementIds, Instant receivedAt) {
        List<ObjectNode> statements = body.statements();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            fingerprints.put(statementIds.get(i).toLowerCase(Locale.ROOT), StatementFingerprint.of(statements.get(i)));
        }
        Set<String> conflicting = accepted.rememberUnlessConflicting(fingerprints, receivedAt);
        if (conflicting.isEmpty()) {
            return;
        }
        List<Violation> conflicts = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String id = statementIds.get(i);
            if (conflicting.contains(id.toLowerCase(Locale.ROOT))) {
                conflicts.add(new Violation(
                        body.prefixOf(i) + "/id",
                        "statement " + id + " was accepted before with different content; a statement id names one"
                                + " statement for good"));
            }
        }
        throw Rejections.conflictingIds(conflicts);
    }

    // Like an LRS, assign the id a producer left out; the answer tells the producer which id it got. Derived from the
    // statement where it can be, so a producer that sends the same statements again (logstore_xapi) gets the same ids.
    private static String idOf(ObjectNode statement) {
        if (!statement.hasNonNull("id")) {
            statement.put(
                    "id",
                    StatementFingerprint.derivedId(statement)
                            .orElseGet(() -> UUID.randomUUID().toString()));
        }
        return statement.get("id").asText();
    }
}
