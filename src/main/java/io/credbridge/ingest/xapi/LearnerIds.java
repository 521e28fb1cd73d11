package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.avro.LearnerIdentifier;
import java.util.List;

/** The learner's identifiers, read from a statement's actor. */
final class LearnerIds {

    private static final String MAILTO = "mailto:";

    private LearnerIds() {}

    /**
     * A Group yields none: a group is not a learner, and the award stage dead-letters an event
     * without learners with its reason instead of guessing which member earned what.
     */
    static List<LearnerIdentifier> of(JsonNode actor) {
        if ("Group".equals(actor.path("objectType").asText())) {
            return List.of();
        }
        if (actor.has("account")) {
            JsonNode account = actor.get("account");
            String name = account.path("name").asText();
            return List.of(new LearnerIdentifier(
                    "account", name, account.path("homePage").asText()));
        }
        if (actor.has("mbox")) {
            String mbox = actor.get("mbox").asText();
            return List.of(new LearnerIdentifier("mbox", mbox.substring(MAILTO.length()), null));
        }
        if (actor.has("mbox_sha1sum")) {
            return List.of(new LearnerIdentifier(
                    "mbox_sha1sum", actor.get("mbox_sha1sum").asText(), null));
        }
        if (actor.has("openid")) {
            return List.of(new LearnerIdentifier("openid", actor.get("openid").asText(), null));
        }
        return List.of();
    }
}
