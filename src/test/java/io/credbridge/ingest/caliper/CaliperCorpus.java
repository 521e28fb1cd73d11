package io.credbridge.ingest.caliper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Caliper fixtures of ../shared/corpus/caliper (never copied into this repository); tests skip without it. */
final class CaliperCorpus {

    static final Path CALIPER = Path.of("")
            .toAbsolutePath()
            .resolve(Path.of("..", "shared", "corpus", "caliper"))
            .normalize();
    static final String SENSOR = "https://example.edu/sensors/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaliperCorpus() {}

    /** The fixtures of one folder (e.g. v1p2-invalid), by file name; none when the corpus is absent. */
    static Stream<String> files(String folder) {
        Path dir = CALIPER.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Stream.of("(the shared corpus is absent)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String folder, String name) {
        Path file = CALIPER.resolve(folder).resolve(name);
        assumeTrue(Files.isRegularFile(file), () -> "the shared corpus is not at " + CALIPER + "; skipping");
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as a sensor sends it: an envelope as it is, an event or entity wrapped in one. */
    static String envelope(String folder, String name, String dataVersion) {
        JsonNode fixture = read(folder, name);
        if (fixture.has("sensor")) {
            return fixture.toString();
        }
        return envelopeOf(fixture, dataVersion);
    }

    static String envelopeOf(JsonNode item, String dataVersion) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("sensor", SENSOR)
                .put("sendTime", "2026-11-30T10:15:01.000Z")
                .put("dataVersion", dataVersion);
        envelope.putArray("data").add(item);
        return envelope.toString();
    }
}
