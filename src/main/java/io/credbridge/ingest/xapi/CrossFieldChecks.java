package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The xAPI rules a JSON Schema cannot state because they compare fields or depend on the request.
 * It walks the statement defensively: the schema reports wrong shapes, this only judges the parts
 * that have the right shape, so a bad statement never makes it throw.
 */
final class CrossFieldChecks {

    // An object of unknown or missing type is already reported by the schema; judging it again would only add noise.
    private static final List<String> NOT_ACTIVITIES = List.of("Agent", "Group", "StatementRef", "SubStatement");

    private final IdentifierRule identifiers = new IdentifierRule();
    private final ScoreRule scores = new ScoreRule();

    List<Violation> check(JsonNode statement, XapiVersion version) {
        List<Violation> violations = new ArrayList<>();
        statement(statement, Location.STATEMENT, version, violations);
        // Only a statement can have an authority or void another; a SubStatement doing so is a schema finding.
        AuthorityRule.check(statement.get("authority"), Location.STATEMENT.child("authority"), violations);
        VoidingRule.check(statement, Location.STATEMENT, violations);
        return violations;
    }

    private void statement(JsonNode statement, Location at, XapiVersion version, List<Violation> out) {
        if (!statement.isObject()) {
            return;
        }
        identifiers.checkActor(statement.get("actor"), at.child("actor"), out);
        identifiers.checkActor(statement.get("authority"), at.child("authority"), out);
        JsonNode object = statement.get("object");
        object(object, at.child("object"), version, out);
        scores.check(statement.path("result").path("score"), at.child("result").child("score"), out);
        context(statement.get("context"), at.child("context"), ObjectTypes.of(object), version, out);
    }

    private void object(JsonNode object, Location at, XapiVersion version, List<Violation> out) {
        if (object == null || !object.isObject()) {
            return;
        }
        switch (ObjectTypes.of(object)) {
            case "Agent", "Group" -> identifiers.checkActor(object, at, out);
            case "SubStatement" -> statement(object, at, version, out);
            case "Activity" -> activity(object, at, out);
            default -> {}
        }
    }

    private void context(JsonNode context, Location at, String objectType, XapiVersion version, List<Violation> out) {
        if (context == null || !context.isObject()) {
            return;
        }
        for (String onlyForActivities : List.of("revision", "platform")) {
            if (context.has(onlyForActivities) && NOT_ACTIVITIES.contains(objectType)) {
                Location field = at.child(onlyForActivities);
                out.add(new Violation(
                        field.pointer(),
                        field.field()
                                + " is only allowed when the object is an Activity; here the object is "
                                + Phrases.withArticle(objectType)));
            }
        }
        identifiers.checkActor(context.get("instructor"), at.child("instructor"), out);
        identifiers.checkActor(context.get("team"), at.child("team"), out);
        contextActivities(context.path("contextActivities"), at.child("contextActivities"), out);
        for (String added : List.of("contextAgents", "contextGroups")) {
            if (context.has(added) && !version.isTwoDotZero()) {
                Location field = at.child(added);
                out.add(new Violation(
                        field.pointer(),
                        field.field() + " exists only in xAPI 2.0; send the header "
                                + "X-Experience-API-Version: 2.0.0, or remove it (this request declares " + version
                                + ")"));
            }
        }
        eachElement(
                context.path("contextAgents"),
                at.child("contextAgents"),
                (agent, where) -> identifiers.checkActor(agent.get("agent"), where.child("agent"), out));
        eachElement(
                context.path("contextGroups"),
                at.child("contextGroups"),
                (group, where) -> identifiers.checkActor(group.get("group"), where.child("group"), out));
    }

    private void contextActivities(JsonNode contextActivities, Location at, List<Violation> out) {
        for (String kind : List.of("parent", "grouping", "category", "other")) {
            JsonNode activities = contextActivities.path(kind);
            if (activities.isObject()) {
                activity(activities, at.child(kind), out);
            }
            eachElement(activities, at.child(kind), (activity, where) -> activity(activity, where, out));
        }
    }

    private static void activity(JsonNode activity, Location at, List<Violation> out) {
        InteractionComponentRule.check(activity.path("definition"), at.child("definition"), out);
    }

    private static void eachElement(JsonNode array, Location at, ElementCheck check) {
        if (!array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isObject()) {
                check.accept(array.get(i), at.index(i));
            }
        }
    }

    @FunctionalInterface
    private interface ElementCheck {
        void accept(JsonNode element, Location at);
    }
}
