package io.credbridge.ingest.xapi;

import java.util.regex.Pattern;

/** The {@code statementId} query parameter of a PUT: which statement the request stores. */
final class StatementIdParameter {

    // The statement schema's own UUID form: 8-4-4-4-12 hex digits.
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private StatementIdParameter() {}

    static String of(String statementId) {
        if (statementId == null || statementId.isBlank()) {
            throw Rejections.badParameter("PUT /lms/xapi/statements needs the statementId query parameter, the id of"
                    + " the statement in the body: PUT /lms/xapi/statements?statementId=<uuid> (or POST the statement"
                    + " without it)");
        }
        if (!UUID.matcher(statementId).matches()) {
            throw Rejections.badParameter("The statementId parameter must be a UUID such as"
                    + " 0f8fad5b-d9cb-469f-a165-70867728950e; found " + Phrases.found(statementId));
        }
        return statementId;
    }
}
