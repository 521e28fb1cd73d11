package io.credbridge.ingest.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.testsupport.SupportedTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Acted-on Canvas events" row names exactly the events the normalizer acts on. */
class SupportedCanvasEventsTest {

    private final CanvasEventNormalizer normalizer = new CanvasEventNormalizer("https://canvas.example.edu");

    @Test
    void everyEventTheTableNamesIsActedOn() throws Exception {
        List<String> named = SupportedTable.namesIn("Acted-on Canvas events");

        assertThat(named)
                .containsExactlyInAnyOrder(
                        "course_completed",
                        "grade_change",
                        "submission_created",
                        "submission_updated",
                        "learning_outcome_result_created");
        assertThat(named).allSatisfy(name -> assertThat(actsOn(name)).as(name).isTrue());
    }

    @Test
    void eventsTheTableDoesNotNameAreAnsweredAndIgnored() {
        assertThat(List.of("quiz_submitted", "asset_accessed", "logged_in", "enrollment_created", "course_created"))
                .allSatisfy(name -> assertThat(actsOn(name)).as(name).isFalse());
    }

    /**
     * An event whose body holds only a score (submissions count only with one): one the normalizer acts on is
     * refused for its missing fields, one it does not act on is ignored whatever it carries.
     */
    private boolean actsOn(String name) {
        JsonNode event = new ObjectMapper()
                .createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "metadata",
                        new ObjectMapper()
                                .createObjectNode()
                                .put("event_name", name)
                                .put("hostname", "canvas.example.edu")
                                .put("event_time", "2026-11-30T09:00:00.000Z"))
                .set("body", new ObjectMapper().createObjectNode().put("score", 1));
        try {
            return normalizer
                            .normalize(event, Instant.parse("2026-11-30T09:00:01Z"))
                            .ignoredBecause()
                    == null;
        } catch (RuntimeException refusedForMissingFields) {
            return true;
        }
    }
}
