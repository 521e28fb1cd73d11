package io.credbridge.transcript;

import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The SIS adapters transcript entries can go to, and which one each entry goes to: its credential's route, else its
 * issuer's, else {@code credbridge.transcript.target}. A route naming a credential or an issuer that the catalog does
 * not hold stops startup, each one named: entries meant for another SIS would otherwise go to the default one
 * unnoticed.
 */
@Component
public class TranscriptTargets {

    private final Map<String, TranscriptWriter> writers = new LinkedHashMap<>();
    private final String defaultTarget;
    private final Map<String, String> byCredential = new HashMap<>();
    private final Map<String, String> byIssuer = new HashMap<>();

    @Autowired
    TranscriptTargets(List<TranscriptWriter> writers, TranscriptProperties properties, CredentialCatalog catalog) {
        writers.forEach(writer -> this.writers.put(writer.target(), writer));
        this.defaultTarget = properties.target().code();
        Set<String> credentials =
                catalog.definitions().stream().map(CredentialDefinition::id).collect(Collectors.toSet());
        Set<String> issuers = catalog.definitions().stream()
                .map(definition -> definition.issuer().id())
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < properties.routes().size(); i++) {
            TranscriptProperties.Route route = properties.routes().get(i);
            String setting = "credbridge.transcript.routes[" + i + "]";
            if (route.credential() != null && !route.credential().isBlank()) {
                add(
                        byCredential,
                        route.credential(),
                        route,
                        setting + ".credential",
                        credentials,
                        "credential",
                        problems);
            } else {
                add(byIssuer, route.issuer(), route, setting + ".issuer", issuers, "issuer", problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The transcript routes name what the catalog does not hold:\n  - "
                    + String.join("\n  - ", problems));
        }
        for (String target : properties.targetsInUse().stream()
                .map(TranscriptProperties.Target::code)
                .toList()) {
            if (!this.writers.containsKey(target)) {
                throw new IllegalStateException("transcript entries can go to " + target + ", but no " + target
                        + " adapter is configured (see the README's SIS section)");
            }
        }
    }

    private static void add(
            Map<String, String> routes,
            String key,
            TranscriptProperties.Route route,
            String setting,
            Set<String> known,
            String what,
            List<String> problems) {
        if (!known.contains(key)) {
            problems.add(setting + ": no " + what + " '" + key + "' in the catalog (it has "
                    + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
        } else if (routes.containsKey(key)) {
            problems.add(setting + ": the " + what + " '" + key + "' has a route already, to " + routes.get(key));
        } else {
            routes.put(key, route.target().code());
        }
    }

    /** Every entry to one adapter: a campus without routes. */
    static TranscriptTargets only(TranscriptWriter writer) {
        return new TranscriptTargets(writer);
    }

    private TranscriptTargets(TranscriptWriter only) {
        writers.put(only.target(), only);
        defaultTarget = only.target();
    }

    /** The target an entry of the credential goes to. */
    public String targetOf(String credentialId, String issuerId) {
        String target = byCredential.get(credentialId);
        if (target == null) {
            target = byIssuer.getOrDefault(issuerId, defaultTarget);
        }
        return target;
    }

    /** The adapter an entry of the credential goes to. */
    TranscriptWriter writerFor(String credentialId, String issuerId) {
        return writers.get(targetOf(credentialId, issuerId));
    }

    public Optional<TranscriptWriter> named(String target) {
        return Optional.ofNullable(writers.get(target));
    }

    /** Every adapter some entry can go to, the default first. */
    public List<TranscriptWriter> all() {
        List<TranscriptWriter> all = new ArrayList<>();
        all.add(writers.get(defaultTarget));
        writers.values().stream()
                .filter(writer -> !writer.target().equals(defaultTarget))
                .forEach(all::add);
        return all;
    }

    public List<String> names() {
        return all().stream().map(TranscriptWriter::target).toList();
    }
}
