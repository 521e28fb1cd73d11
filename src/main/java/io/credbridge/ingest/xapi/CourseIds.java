package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The courses an assessment belongs to, as its statement's context activities name them. */
final class CourseIds {

    private CourseIds() {}

    /** The ids of context.contextActivities parent then grouping, first occurrence kept. */
    static List<String> ofAssessment(JsonNode statement) {
        JsonNode contextActivities = statement.path("context").path("contextActivities");
        Set<String> ids = new LinkedHashSet<>();
        for (String kind : List.of("parent", "grouping")) {
            JsonNode activities = contextActivities.path(kind);
            if (activities.isObject()) {
                ids.add(activities.path("id").asText());
            }
            activities.forEach(activity -> {
                if (activity.isObject()) {
                    ids.add(activity.path("id").asText());
                }
            });
        }
        return List.copyOf(ids);
    }
}
