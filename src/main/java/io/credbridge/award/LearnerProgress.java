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
    private final Map<String, String> heldAwardIds = new HashMap<>();

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

    void holdActive(String credentialId, String awardId, Evidence evidence) {
        holdActive(credentialId, evidence);
        heldAwardIds.put(credentialId, awardId);
    }

    /** The id of the learner's active award of the credential, when it was loaded or made here. */
    Optional<String> heldAwardId(String credentialId) {
        return Optional.ofNullable(heldAwardIds.get(credentialId));
    }

    /** The learner no longer holds the credential: its award was revoked or expired. */
    void release(String credentialId) {
        held.remove(credentialId);
        heldAwardIds.remove(credentialId);
    }
}
