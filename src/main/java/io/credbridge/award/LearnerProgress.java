package io.credbridge.award;

import io.credbridge.catalog.Requirement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What one learner has achieved so far: loaded for a batch, then updated as the batch's events are applied. */
final class LearnerProgress {

    private final String learnerId;
    private final Map<String, MetRequirement> met = new HashMap<>();
    private final Map<String, Evidence> held = new HashMap<>();
    private final Map<String, String> heldAwardIds = new HashMap<>();
    private final Map<String, Instant> heldUntil = new HashMap<>();

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

    /**
     * The evidence of the learner's award of the credential, if they hold one that is active and not expired at
     * {@code at}: an expired part never counts, even before the expiry sweep has marked it.
     */
    Optional<Evidence> held(String credentialId, Instant at) {
        Instant until = heldUntil.get(credentialId);
        if (until != null && !until.isAfter(at)) {
            return Optional.empty();
        }
        return Optional.ofNullable(held.get(credentialId));
    }

    void holdActive(String credentialId, Evidence evidence) {
        held.put(credentialId, evidence);
    }

    void holdActive(String credentialId, String awardId, Evidence evidence) {
        holdActive(credentialId, evidence);
        heldAwardIds.put(credentialId, awardId);
    }

    void holdActive(String credentialId, String awardId, Evidence evidence, Instant expiresAt) {
        holdActive(credentialId, awardId, evidence);
        if (expiresAt != null) {
            heldUntil.put(credentialId, expiresAt);
        }
    }

    /** The id of the learner's active award of the credential, when it was loaded or made here. */
    Optional<String> heldAwardId(String credentialId) {
        return Optional.ofNullable(heldAwardIds.get(credentialId));
    }

    /** The credentials the learner holds whose evidence includes the event. */
    java.util.List<String> heldOnEvidence(String eventId) {
        return held.entrySet().stream()
                .filter(entry -> entry.getValue().eventIds().contains(eventId))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The learner no longer holds the credential: its award was revoked or expired. */
    void release(String credentialId) {
        held.remove(credentialId);
        heldAwardIds.remove(credentialId);
        heldUntil.remove(credentialId);
    }
}
