package io.credbridge.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Moodle's logstore_xapi as it really sends: batches of up to 30 statements without ids, each stamped with its
 * Moodle event's time, sent again whole when the answer was not 200. The statements are the plugin's own expected
 * statements from the shared corpus (skipped without it), stamped as the plugin stamps them.
 */
class LogstoreXapiBatchesTest {

    static final Path CORPUS = Path.of("..", "shared", "corpus", "xapi", "moodle-logstore_xapi")
            .toAbsolutePath()
            .normalize();
    static final Instant NOW = Instant.parse("2026-11-30T09:30:00Z");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBatchSentAgainGetsTheSameStatementIdsSoNoCompletionCountsTwice() throws IOException {
        ArrayNode batch = logstoreBatch();
        assertThat(batch.size()).isBetween(2, 30);

        XapiStatementIngest ingest = ingest();
        XapiBatch first = ingest.accept(batch.toString(), "1.0.3");
        // Accepted as the same statements again, not refused 409 as other content under an accepted id.
        XapiBatch resent = ingest.accept(batch.toString(), "1.0.3");

        assertThat(first.statementIds())
                .hasSize(batch.size())
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(3));
        assertThat(resent.statementIds()).isEqualTo(first.statementIds());
        List<LearningEvent> completions = first.events().stream()
                .filter(event -> event.getType() == LearningEventType.COURSE_COMPLETED)
                .toList();
        assertThat(completions).isNotEmpty();
        assertThat(resent.events())
                .extracting(LearningEvent::getEventId)
                .containsAll(completions.stream().map(LearningEvent::getEventId).toList());
    }

    /** Every corpus statement, each stamped a minute after the one before, as logstore_xapi stamps event times. */
    private ArrayNode logstoreBatch() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), () -> "the shared corpus is not at " + CORPUS + "; skipping");
        ArrayNode batch = json.createArrayNode();
        List<Path> files;
        try (Stream<Path> listed = Files.list(CORPUS)) {
            files = listed.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            JsonNode statements = json.readTree(file.toFile());
            for (JsonNode statement :
                    statements.isArray() ? statements : json.createArrayNode().add(statements)) {
                ObjectNode stamped = ((ObjectNode) statement).deepCopy();
                stamped.put(
                        "timestamp", NOW.minusSeconds(3600 - 60L * batch.size()).toString());
                batch.add(stamped);
            }
        }
        return batch;
    }

    private static XapiStatementIngest ingest() {
        return new XapiStatementIngest(
                new XapiStatementValidator(new XapiIngestProperties(30)),
                new XapiStatementNormalizer(),
                new InMemoryAcceptedStatements(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
