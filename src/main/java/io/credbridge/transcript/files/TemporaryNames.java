package io.credbridge.transcript.files;

/**
 * The name a file is written under before it is renamed to its own: hidden (a leading dot) and with a suffix no
 * import job's pattern matches, so a file cut short by a crash or a dropped connection is never loaded.
 */
final class TemporaryNames {

    private TemporaryNames() {}

    static String of(String name) {
        return "." + name + ".part";
    }
}
