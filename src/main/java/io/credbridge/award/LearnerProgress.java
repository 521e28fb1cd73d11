package io.credbridge.award;

import io.credbridge.catalog.Requirement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one learner has achieved so far: loaded for a batch, then updated as the batch's events are applied. */
final class LearnerProgress {

    private final String learnerId;
    private final Map<String, MetRequirement> met = new HashMap<>();
    private final Set<String> activeCredentialIds = new HashSet<>();

    public LearnerProgress(String learnerId) {
        this.learnerId = learnerId;
    }

    public String learnerId() {
        return learnerId;
    }

    public Optional<MetRequirement> met(Requirement requirement) {
        return Optional.ofNullable(met.get(requirement.key()));
    }

    public void record(MetRequirement requirement) {
        met.putIfAbsent(requirement.requirementKey(), requirement);
    }

    public boolean holdsActive(String credentialId) {
        return activeCredentialIds.contains(credentialId);
    }

    public void holdActive(String credentialId) {
        activeCredentialIds.add(credentialId);
    }
}
