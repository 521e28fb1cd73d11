package io.credbridge.award;

import io.credbridge.catalog.Requirement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What one learner has achieved so far: loaded for a batch, then updated as the batch's events are applied. */
final class LearnerProgress {

    private final String learnerId;
    private final Map<String, MetRequirement> met = new HashMap<>();
    private final Map<String, Evidence> held = new HashMap<>();

    LearnerProgress(String learnerId) {
        this.learnerId = learnerId;
    }

    String learnerId() {
        return learnerId;
    }

    Optional<MetRequirement> met(Requirement requirement) {
        return Optional.ofNullable(met.get(requirement.key()));
    }

    void record(MetRequirement requirement) {
        met.putIfAbsent(requirement.requirementKey(), requirement);
    }

    boolean holdsActive(String credentialId) {
        return held.containsKey(credentialId);
    }

    /** The evidence of the learner's active award of the credential, if they hold one. */
    Optional<Evidence> held(String credentialId) {
        return Optional.ofNullable(held.get(credentialId));
    }

    void holdActive(String credentialId, Evidence evidence) {
        held.put(credentialId, evidence);
    }
}
