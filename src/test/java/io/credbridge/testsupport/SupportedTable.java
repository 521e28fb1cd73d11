package io.credbridge.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's "What is supported today" table, as users read it: tests hold its rows to what the code does, so the
 * table stays true when a source learns or drops an event.
 */
public final class SupportedTable {

    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    private SupportedTable() {}

    /**
     * The names quoted in the "supported" cell of the row titled {@code area}, up to "every other" (what follows
     * describes what is ignored).
     */
    public static List<String> namesIn(String area) throws IOException {
        String prefix = "| " + area + " | ";
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith(prefix)) {
                String supported = line.substring(prefix.length(), line.indexOf(" |", prefix.length()));
                int ignoredPart = supported.indexOf("every other");
                Matcher names = QUOTED.matcher(ignoredPart < 0 ? supported : supported.substring(0, ignoredPart));
                List<String> found = new ArrayList<>();
                while (names.find()) {
                    found.add(names.group(1));
                }
                return found;
            }
        }
        throw new IllegalStateException("README.md has no row '" + area + "' in its supported table");
    }
}
