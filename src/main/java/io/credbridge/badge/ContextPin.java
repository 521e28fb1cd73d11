package io.credbridge.badge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of a {@code pins.tsv}: the URL a JSON-LD context answers for, the file that holds it, and the SHA-256
 * the file must have. Pinning by hash means a context cannot change under a signed credential unnoticed.
 */
record ContextPin(String url, String file, String sha256) {

    static List<ContextPin> parse(String pinsTsv, String where) {
        List<ContextPin> pins = new ArrayList<>();
        for (String line : pinsTsv.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\t");
            if (fields.length != 3 || !fields[2].matches("[0-9a-fA-F]{64}")) {
                throw new InvalidSigningConfigurationException(
                        where + ": each line must be '<url> TAB <file> TAB <sha-256 hex>', found '" + trimmed + "'");
            }
            pins.add(new ContextPin(fields[0], fields[1], fields[2].toLowerCase(Locale.ROOT)));
        }
        return pins;
    }
}
