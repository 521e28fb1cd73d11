package io.credbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's sources-at-a-glance table names only HTTP paths CredBridge serves, and every ingest route is in it. */
class SupportedSourcesTest {

    private static final Pattern ROUTE_PATH = Pattern.compile("uri: platform-http:(/lms/\\S+)");
    private static final Pattern TABLE_PATH = Pattern.compile("\\| `(/lms/[^`]+)` \\|");

    @Test
    void everyIngestPathOfTheTableIsServedByARouteAndEveryIngestRouteIsInTheTable() throws IOException {
        Set<String> served = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Matcher path = ROUTE_PATH.matcher(Files.readString(file));
                while (path.find()) {
                    served.add(path.group(1));
                }
            }
        }
        Set<String> listed = new HashSet<>();
        Matcher path = TABLE_PATH.matcher(Files.readString(Path.of("README.md")));
        while (path.find()) {
            listed.add(path.group(1));
        }

        // /lms/xapi/about answers which xAPI versions CredBridge speaks; it takes no events.
        served.remove("/lms/xapi/about");
        assertThat(listed).as("the table's paths, against the routes' paths").isEqualTo(served);
    }

    @Test
    void theBackfillUploadPathIsTheControllersPath() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).contains("| `/api/backfill` |");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/credbridge/ingest/backfill"))) {
            assertThat(sources.filter(Files::isRegularFile).anyMatch(file -> {
                        try {
                            return Files.readString(file).contains("\"/api/backfill\"");
                        } catch (IOException e) {
                            return false;
                        }
                    }))
                    .isTrue();
        }
    }
}
