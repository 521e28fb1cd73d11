package io.credbridge.ingest.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.ingest.RejectedInputException;
import io.credbridge.ops.CredBridgeMetrics;
import java.time.Clock;
import java.util.List;

/**
 * The Moodle endpoint's one bean method: read the body as JSON whatever its Content-Type (local_webhooks sends JSON
 * under {@code application/x-www-form-urlencoded} when so configured), authenticate the site by its token, then map
 * the event.
 */
public class MoodleWebhookIngest {

    /** The event name rejections are counted under when the body could not be read or trusted. */
    static final String UNREAD = "unread";

    private final ObjectMapper json = new ObjectMapper();
    private final MoodleSites sites;
    private final MoodleEventNormalizer normalizer;
    private final CredBridgeMetrics metrics;
    private final Clock clock;

    MoodleWebhookIngest(MoodleSites sites, MoodleEventNormalizer normalizer, CredBridgeMetrics metrics, Clock clock) {
        this.sites = sites;
        this.normalizer = normalizer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param body the event's data as JSON, with the site's {@code token} in it or not
     * @param authorization the request's Authorization header, or null
     * @throws RejectedInputException 401 without the site's token, 400 for a body that is not an event or lacks a
     *     field CredBridge needs
     */
    public MoodleDelivery accept(String body, String authorization) {
        JsonNode event;
        String site;
        try {
            event = parse(body == null ? "" : body.strip());
            site = sites.siteOf(
                    authorization,
                    event.path("token").isTextual() ? event.path("token").asText() : null);
        } catch (RejectedInputException e) {
            metrics.sourceEvent(MoodleEventNormalizer.SOURCE, UNREAD, "rejected");
            throw e;
        }
        try {
            return normalizer.normalize(event, site, clock.instant());
        } catch (RejectedInputException e) {
            String name = event.path("eventname").asText("");
            metrics.sourceEvent(
                    MoodleEventNormalizer.SOURCE, name.isBlank() || name.length() > 80 ? UNREAD : name, "rejected");
            throw e;
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode event = json.readTree(body);
            if (event != null && event.isObject()) {
                return event;
            }
        } catch (JsonProcessingException e) {
            throw malformed("the body is not JSON: " + e.getOriginalMessage());
        }
        throw malformed("the body must be one Moodle event as a JSON object (eventname, courseid, relateduserid, ...)");
    }

    private static RejectedInputException malformed(String detail) {
        return new RejectedInputException(
                400,
                "The Moodle event is malformed",
                detail,
                List.of(new RejectedInputException.Violation("", detail)));
    }
}
