package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Decides whether a {@code POST /statements} request is acceptable xAPI 1.0.3 (or 2.0): the version
 * header, strict JSON, the batch size, every statement's structure (JSON Schema) and the rules that
 * compare fields. It reports every problem at once, located by JSON Pointer into the body.
 */
@Component
class XapiStatementValidator {

    private final XapiIngestProperties properties;
    private final StatementSchema schema = StatementSchema.load();
    private final CrossFieldChecks crossFieldChecks = new CrossFieldChecks();

    public XapiStatementValidator(XapiIngestProperties properties) {
        this.properties = properties;
    }

    /**
     * @return the statements in request order, each a valid xAPI statement
     * @throws RejectedInputException 400 for a bad header, malformed JSON or any invalid statement,
     *     413 for more statements than {@code credbridge.ingest.xapi.max-statements}
     */
    public List<ObjectNode> validate(String body, String xapiVersionHeader) {
        return validateBody(body, xapiVersionHeader).statements();
    }

    /** Like {@link #validate}, keeping whether the body was an array, so each statement can be located in it. */
    StatementBody validateBody(String body, String xapiVersionHeader) {
        XapiVersion version = XapiVersion.fromHeader(xapiVersionHeader);
        StatementBody statements = StatementBody.parse(body);
        if (statements.size() > properties.maxStatements()) {
            throw Rejections.tooManyStatements(statements.size(), properties.maxStatements());
        }
        check(statements, version);
        return statements;
    }

    /**
     * A {@code PUT /statements?statementId=} request: one statement, stored under the id the query names. The
     * statement may leave its id out (the query's is used) but may not name another one.
     *
     * @return the one statement, its id set
     * @throws RejectedInputException 400 for a missing or malformed statementId, an array, an id that differs from
     *     statementId, or anything {@link #validate} rejects
     */
    StatementBody validateOne(String body, String xapiVersionHeader, String statementId) {
        XapiVersion version = XapiVersion.fromHeader(xapiVersionHeader);
        String id = StatementIdParameter.of(statementId);
        StatementBody statements = StatementBody.parse(body);
        if (statements.isArray()) {
            throw Rejections.invalidStatements(List.of(new Violation(
                    "",
                    "PUT stores one Statement, so the body must be a Statement object; found an array (POST"
                            + " /lms/xapi/statements takes arrays)")));
        }
        ObjectNode statement = statements.statements().get(0);
        JsonNode bodyId = statement.get("id");
        if (bodyId == null) {
            statement.put("id", id);
        } else if (!bodyId.isTextual() || !bodyId.textValue().equalsIgnoreCase(id)) {
            throw Rejections.invalidStatements(List.of(new Violation(
                    "/id",
                    "id " + Phrases.found(bodyId) + " differs from the statementId parameter \"" + id
                            + "\"; they must name the same statement (or leave id out)")));
        }
        check(statements, version);
        return statements;
    }

    private void check(StatementBody statements, XapiVersion version) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            ObjectNode statement = statements.statements().get(i);
            String prefix = statements.prefixOf(i);
            schema.check(statement).forEach(v -> violations.add(under(prefix, v)));
            crossFieldChecks.check(statement, version).forEach(v -> violations.add(under(prefix, v)));
        }
        violations.addAll(repeatedIds(statements));
        if (!violations.isEmpty()) {
            throw Rejections.invalidStatements(violations);
        }
    }

    // An LRS stores a statement id once; a batch that repeats one cannot be stored as a whole.
    private static List<Violation> repeatedIds(StatementBody statements) {
        List<Violation> repeated = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            JsonNode id = statements.statements().get(i).get("id");
            if (id == null || !id.isTextual()) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(id.textValue().toLowerCase(Locale.ROOT), i);
            if (first != null) {
                String message = "id " + id + " of statement [" + i + "] is already used by statement [" + first
                        + "]; each statement in a request needs its own id";
                repeated.add(new Violation(statements.prefixOf(i) + "/id", message));
            }
        }
        return repeated;
    }

    private static Violation under(String prefix, Violation violation) {
        return new Violation(prefix + violation.pointer(), violation.message());
    }
}
