package io.credbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The auto-configurations {@link CredBridgeApplication} excludes to start faster stay real and unused. */
class UnusedAutoConfigurationsTest {

    private static final Pattern URI_SCHEME =
            Pattern.compile("(?m)\\b(?:uri|from|to|toD|wireTap|enrich|pollEnrich):\\s*\"?([a-z][a-z0-9-]*):");

    /** Where a package segment and the scheme or language name the routes would write differ. */
    private static final Map<String, List<String>> NAMES = Map.of(
            "beanclass", List.of("class"),
            "dataset", List.of("dataset", "dataset-test"),
            "rest", List.of("rest", "rest-api"),
            "tokenizer", List.of("tokenize"));

    private final List<String> excluded = Arrays.asList(CredBridgeApplication.class
            .getAnnotation(SpringBootApplication.class)
            .excludeName());

    @Test
    void everyExclusionNamesAnAutoConfigurationOnTheClasspath() throws IOException {
        // An upgrade that renames one would leave a dead exclusion and bring the class back unnoticed.
        Set<String> autoConfigurations = new HashSet<>();
        for (URL imports : Collections.list(getClass()
                .getClassLoader()
                .getResources("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))) {
            try (InputStream in = imports.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(autoConfigurations::add);
            }
        }
        assertThat(autoConfigurations).containsAll(excluded);
    }

    @Test
    void noRouteUsesAnExcludedComponentOrLanguage() throws IOException {
        Set<String> unused = new HashSet<>();
        for (String name : excluded) {
            Matcher component = Pattern.compile("^org\\.apache\\.camel\\.(?:component|language)\\.([a-z]+)\\.")
                    .matcher(name);
            if (component.find()) {
                unused.addAll(NAMES.getOrDefault(component.group(1), List.of(component.group(1))));
            }
        }
        assertThat(unused).contains("seda", "mock", "xpath");
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                String routes = Files.readString(file);
                Matcher scheme = URI_SCHEME.matcher(routes);
                while (scheme.find()) {
                    assertThat(scheme.group(1))
                            .as(file + " uses an excluded component")
                            .isNotIn(unused);
                }
                for (String language : unused) {
                    assertThat(routes)
                            .as(file + " uses an excluded language")
                            .doesNotContainPattern("(?m)^\\s*-?\\s*" + Pattern.quote(language) + ":");
                }
            }
        }
    }
}
