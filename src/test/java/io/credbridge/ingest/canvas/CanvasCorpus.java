package io.credbridge.ingest.canvas;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Canvas-format and Caliper-format payloads of ../shared/corpus (never copied into this repository); tests skip without it. */
final class CanvasCorpus {

    static final Path CANVAS_FORMAT = Path.of("")
            .toAbsolutePath()
            .resolve(Path.of("..", "shared", "corpus", "canvas", "canvas-format"))
            .normalize();

    static final Path CALIPER_FORMAT = CANVAS_FORMAT.resolveSibling("caliper-format");

    private CanvasCorpus() {}

    /** The event a documentation fixture shows ({@code examples[0].payload}), as Canvas delivers it. */
    static ObjectNode event(String name) {
        return payload(CANVAS_FORMAT.resolve(name + ".json"));
    }

    /** The Caliper 1.1 envelope a Caliper-format subscription delivers for the event. */
    static ObjectNode caliperEnvelope(String name) {
        return payload(CALIPER_FORMAT.resolve(name + ".json"));
    }

    private static ObjectNode payload(Path file) {
        assumeTrue(Files.isRegularFile(file), () -> "the shared corpus is not at " + file + "; skipping");
        try {
            return (ObjectNode) new ObjectMapper().readTree(file.toFile()).at("/examples/0/payload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
