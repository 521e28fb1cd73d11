package io.credbridge.catalog;

import java.util.List;

/** The catalog cannot be used; startup stops with every problem found, each naming file, definition and field. */
public class InvalidCatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidCatalogException(List<String> problems) {
        super("Credential catalog is invalid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
