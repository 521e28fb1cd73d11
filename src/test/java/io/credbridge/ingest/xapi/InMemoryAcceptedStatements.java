package io.credbridge.ingest.xapi;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The accepted-statements contract without a database, for tests of the ingest's decisions. */
final class InMemoryAcceptedStatements implements AcceptedStatements {

    private final Map<String, String> fingerprints = new HashMap<>();

    @Override
    public synchronized Set<String> rememberUnlessConflicting(Map<String, String> statements, Instant acceptedAt) {
        Set<String> conflicting = statements.entrySet().stream()
                .filter(statement -> fingerprints.containsKey(statement.getKey())
                        && !fingerprints.get(statement.getKey()).equals(statement.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        if (conflicting.isEmpty()) {
            fingerprints.putAll(statements);
        }
        return conflicting;
    }

    int size() {
        return fingerprints.size();
    }
}
