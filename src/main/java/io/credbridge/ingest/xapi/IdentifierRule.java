package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.List;

/**
 * xAPI identifies a person by exactly one inverse functional identifier (IFI). An Agent has one; a
 * Group has one (identified) or none, and then it is only known by its members (anonymous).
 */
final class IdentifierRule {

    private static final List<String> IDENTIFIERS = List.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final String ONE_OF = "(one of " + String.join(", ", IDENTIFIERS) + ")";

    void checkActor(JsonNode actor, Location at, List<Violation> out) {
        if (actor == null || !actor.isObject()) {
            return;
        }
        List<String> present = IDENTIFIERS.stream().filter(actor::has).toList();
        boolean group = "Group".equals(actor.path("objectType").asText());
        if (!group && present.size() != 1) {
            out.add(new Violation(
                    at.pointer(),
                    at.field() + " must have exactly one identifier " + ONE_OF + " to be an Agent; found "
                            + listed(present)));
        } else if (group && present.size() > 1) {
            out.add(new Violation(
                    at.pointer(),
                    at.field() + " is a Group with " + listed(present)
                            + "; an identified Group has exactly one identifier " + ONE_OF));
        } else if (group && present.isEmpty() && hasNoMembers(actor.get("member"))) {
            String found = Phrases.found(actor.get("member"));
            out.add(new Violation(
                    at.child("member").pointer(),
                    at.field() + " is an anonymous Group (it has no "
                            + "identifier), so it must list its Agents in member; found " + found));
        }
        JsonNode members = actor.path("member");
        for (int i = 0; i < members.size(); i++) {
            checkActor(members.get(i), at.child("member").index(i), out);
        }
    }

    private static boolean hasNoMembers(JsonNode member) {
        return member == null || member.isArray() && member.isEmpty();
    }

    private static String listed(List<String> present) {
        return present.isEmpty() ? "none" : present.size() + " (" + String.join(", ", present) + ")";
    }
}
