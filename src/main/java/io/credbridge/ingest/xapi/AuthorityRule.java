package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.List;

/**
 * xAPI 1.0.3, 2.4.9: a Group may be the authority only as the pair an OAuth consumer forms with the user it acts for,
 * so it is an anonymous Group of exactly two Agents (ADL conformance XAPI-00098, XAPI-00100).
 */
final class AuthorityRule {

    private static final List<String> IDENTIFIERS = List.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final String WHAT_IS_ALLOWED =
            "a Group authority must be an anonymous Group (no identifier) of exactly two Agents: the OAuth consumer"
                    + " and the user it acts for";

    private AuthorityRule() {}

    static void check(JsonNode authority, Location at, List<Violation> out) {
        if (authority == null || !"Group".equals(authority.path("objectType").asText())) {
            return;
        }
        List<String> identifiers = IDENTIFIERS.stream().filter(authority::has).toList();
        if (!identifiers.isEmpty()) {
            out.add(new Violation(
                    at.pointer(),
                    at.field() + " is a Group identified by " + String.join(", ", identifiers) + "; "
                            + WHAT_IS_ALLOWED));
            return;
        }
        JsonNode members = authority.path("member");
        if (members.isArray() && members.size() != 2) {
            out.add(new Violation(
                    at.child("member").pointer(),
                    at.field() + " is a Group of " + members.size() + (members.size() == 1 ? " member" : " members")
                            + "; " + WHAT_IS_ALLOWED));
        }
    }
}
