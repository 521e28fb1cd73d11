package io.credbridge.catalog;

import io.credbridge.avro.LearningEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The credentials CredBridge can award, indexed for the questions the award stage asks of every event. */
public final class CredentialCatalog {

    private final Map<String, CredentialDefinition> byId;
    private final Map<String, List<Requirement>> requirementsByActivity;
    private final Map<String, List<CredentialDefinition>> credentialsByRequirement;

    private CredentialCatalog(List<CredentialDefinition> definitions) {
        byId = new LinkedHashMap<>();
        requirementsByActivity = new LinkedHashMap<>();
        credentialsByRequirement = new LinkedHashMap<>();
        for (CredentialDefinition definition : definitions) {
            byId.put(definition.id(), definition);
            for (Requirement requirement : definition.criteria()) {
                List<CredentialDefinition> users =
                        credentialsByRequirement.computeIfAbsent(requirement.key(), key -> new ArrayList<>());
                if (users.isEmpty()) {
                    requirementsByActivity
                            .computeIfAbsent(requirement.activityId(), activity -> new ArrayList<>())
                            .add(requirement);
                }
                if (!users.contains(definition)) {
                    users.add(definition);
                }
            }
        }
    }

    public static CredentialCatalog of(List<CredentialDefinition> definitions) {
        return new CredentialCatalog(definitions);
    }

    public List<CredentialDefinition> definitions() {
        return List.copyOf(byId.values());
    }

    public Optional<CredentialDefinition> find(String credentialId) {
        return Optional.ofNullable(byId.get(credentialId));
    }

    /** Every distinct requirement of any credential that the event meets. */
    public List<Requirement> requirementsMetBy(LearningEvent event) {
        return requirementsByActivity.getOrDefault(event.getObjectId(), List.of()).stream()
                .filter(requirement -> requirement.isMetBy(event))
                .toList();
    }

    public List<CredentialDefinition> credentialsRequiring(Requirement requirement) {
        return List.copyOf(credentialsByRequirement.getOrDefault(requirement.key(), List.of()));
    }
}
