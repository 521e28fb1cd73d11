package io.credbridge.ingest.caliper;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.avro.LearnerIdentifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner's identifiers, read from the Person an event names (its actor, or the assignee of a graded attempt).
 *
 * <p>First the Person's IRI as an account: the last segment is the account name and the rest its namespace ({@code
 * https://example.edu/users/554433} is {@code 554433} at {@code https://example.edu/users}), as an xAPI account's name
 * and homePage and a Canvas user id and instance are. Every event names the learner this way, so one learner keeps
 * one key. Then the SIS ids the sensor adds where it has them: Canvas's {@code user_sis_id} / {@code sis_id}
 * extension, Blackboard's {@code bb:user.externalId}, and Caliper 1.2's {@code otherIdentifiers} of type
 * SisSourcedId or LisSourcedId; the identity mapping and the SIS lookup use them to find the SIS person.
 */
final class CaliperLearners {

    private static final String CANVAS = "com.instructure.canvas";

    private CaliperLearners() {}

    /**
     * @param person the Person object or its IRI
     * @param sensor the sensor that sent it: the namespace of ids that have none of their own
     * @param canvasInstance the Canvas instance (https://host) when Canvas sent the event, else null
     */
    static List<LearnerIdentifier> of(JsonNode person, String sensor, String canvasInstance) {
        String iri = person.isTextual() ? person.asText() : person.path("id").asText("");
        List<LearnerIdentifier> ids = new ArrayList<>();
        if (iri.isBlank()) {
            return ids;
        }
        String trimmed = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'));
        if (cut > 0 && cut < trimmed.length() - 1 && !trimmed.substring(0, cut).endsWith("/")) {
            ids.add(account(trimmed.substring(cut + 1), trimmed.substring(0, cut)));
        } else {
            ids.add(account(iri, sensor));
        }
        JsonNode extensions = person.path("extensions");
        String canvasSis = firstText(
                extensions.path(CANVAS).path("user_sis_id"),
                extensions.path(CANVAS).path("sis_id"));
        if (canvasSis != null) {
            ids.add(account(
                    canvasSis, (canvasInstance != null ? canvasInstance : withoutSlash(sensor)) + "/sis_user_id"));
        }
        String blackboard = firstText(extensions.path("bb:user.externalId"));
        if (blackboard != null) {
            ids.add(account(blackboard, withoutSlash(sensor) + "/bb:user.externalId"));
        }
        for (JsonNode other : person.path("otherIdentifiers")) {
            String type = other.path("identifierType").asText();
            String value = firstText(other.path("identifier"));
            if (value != null && ("SisSourcedId".equals(type) || "LisSourcedId".equals(type))) {
                String source = other.path("source").isTextual()
                        ? other.path("source").asText()
                        : other.path("source").path("id").asText(withoutSlash(sensor) + "/" + type);
                ids.add(account(value, source));
            }
        }
        return ids;
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if ((candidate.isTextual() || candidate.isNumber())
                    && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static LearnerIdentifier account(String value, String namespace) {
        return new LearnerIdentifier("account", value, namespace);
    }
}
