package io.credbridge.ingest.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.testsupport.SupportedTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Acted-on Moodle events" row names exactly the events the normalizer acts on. */
class SupportedMoodleEventsTest {

    private final MoodleEventNormalizer normalizer = new MoodleEventNormalizer();

    @Test
    void everyEventTheTableNamesIsActedOn() throws Exception {
        List<String> named = SupportedTable.namesIn("Acted-on Moodle events").stream()
                .filter(name -> name.startsWith("\\"))
                .toList();

        assertThat(named)
                .containsExactlyInAnyOrder(
                        MoodleEventNormalizer.COURSE_COMPLETED,
                        MoodleEventNormalizer.USER_GRADED,
                        "\\mod_quiz\\event\\attempt_submitted");
        assertThat(named).allSatisfy(name -> assertThat(actsOn(name)).as(name).isTrue());
    }

    @Test
    void eventsTheTableDoesNotNameAreAnsweredAndIgnored() {
        assertThat(List.of(
                        "\\core\\event\\user_loggedin",
                        "\\core\\event\\course_viewed",
                        "\\mod_quiz\\event\\attempt_started",
                        "\\core\\event\\course_module_completion_updated"))
                .allSatisfy(name -> assertThat(actsOn(name)).as(name).isFalse());
    }

    /** An event with only its name: one the normalizer acts on is refused for its missing fields. */
    private boolean actsOn(String name) {
        try {
            return normalizer
                            .normalize(
                                    new ObjectMapper().createObjectNode().put("eventname", name),
                                    "https://moodle.example.edu",
                                    Instant.parse("2026-11-30T09:00:01Z"))
                            .ignoredBecause()
                    == null;
        } catch (RuntimeException refusedForMissingFields) {
            return true;
        }
    }
}
