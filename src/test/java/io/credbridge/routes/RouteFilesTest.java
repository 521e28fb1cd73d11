package io.credbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conventions of routes/ that Camel itself does not check (the YAML DSL validator plugin is not available
 * here; loading every file is covered by the end-to-end tests, which start all routes).
 */
class RouteFilesTest {

    static final Path ROUTES = Path.of("routes");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void everyFlowFileHoldsOneRouteWhoseIdIsTheFileNameWithADescription() throws IOException {
        for (Path file : routeFiles()) {
            String stem = file.getFileName().toString().replace(".camel.yaml", "");
            if (stem.equals("error-policy")) {
                continue;
            }
            List<JsonNode> routes = yaml.readTree(file.toFile()).findValues("route");
            assertThat(routes).as(file + " holds one route").hasSize(1);
            assertThat(routes.get(0).path("id").asText()).as(file + " route id").isEqualTo(stem);
            assertThat(routes.get(0).path("description").asText())
                    .as(file + " description")
                    .isNotBlank();
        }
    }

    @Test
    void everyRouteFollowsAnErrorPolicyThatExists() throws IOException {
        Set<String> policies = new HashSet<>();
        yaml.readTree(ROUTES.resolve("error-policy.camel.yaml").toFile())
                .findValues("routeConfiguration")
                .forEach(policy -> {
                    assertThat(policy.path("description").asText()).isNotBlank();
                    policies.add(policy.path("id").asText());
                });
        for (Path file : routeFiles()) {
            for (JsonNode route : yaml.readTree(file.toFile()).findValues("route")) {
                assertThat(route.path("routeConfigurationId").asText())
                        .as(file + " error policy")
                        .isIn(policies);
            }
        }
    }

    /** Camel 4.22 warns at every startup about the compact form ({@code constant: "5"}) and asks for this one. */
    @Test
    void expressionsUseTheCanonicalNotation() throws IOException {
        for (Path file : routeFiles()) {
            JsonNode tree = yaml.readTree(file.toFile());
            for (String language : List.of("constant", "simple")) {
                assertThat(tree.findValues(language))
                        .as(file + ": every " + language + " expression is written as " + language
                                + ": {expression: ...}")
                        .allSatisfy(expression -> assertThat(
                                        expression.path("expression").isValueNode())
                                .isTrue());
            }
        }
    }

    @Test
    void connectionDetailsStayOutOfRouteFiles() throws IOException {
        for (Path file : routeFiles()) {
            assertThat(Files.readString(file))
                    .as(file.toString())
                    .doesNotContain("localhost")
                    .doesNotContain("brokers=")
                    .doesNotContainPattern("kafka:credbridge\\.");
        }
    }

    /** The application names its route files one by one (a wildcard costs seconds of every start in the jar). */
    @Test
    void theApplicationLoadsEveryRouteFileAndNoOther() throws IOException {
        String pattern = yaml.readTree(
                        Path.of("src/main/resources/application.yaml").toFile())
                .path("camel")
                .path("main")
                .path("routes-include-pattern")
                .asText();
        List<String> expected = routeFiles().stream()
                .map(file -> "classpath:camel/" + file.getFileName())
                .toList();
        assertThat(pattern.split(",")).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            return files.filter(f -> f.toString().endsWith(".camel.yaml"))
                    .sorted()
                    .toList();
        }
    }
}
