package io.credbridge.award;

import io.credbridge.catalog.Requirement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one learner has achieved so far: loaded for a batch, then updated as the batch's events are applied. */
final class LearnerProgress {

    private final String learnerId;
    private final Map<String, MetRequirement> met = new HashMap<>();
    private final Map<String, HeldAward> held = new HashMap<>();

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
        return heldAward(credentialId).filter(award -> award.countsAt(at)).map(HeldAward::evidence);
    }

    /** The learner's active award of the credential, expired or not, when it was loaded or made here. */
    Optional<HeldAward> heldAward(String credentialId) {
        return Optional.ofNullable(held.get(credentialId));
    }

    void hold(String credentialId, HeldAward award) {
        held.put(credentialId, award);
    }

    /** The credentials the learner holds whose evidence includes the event. */
    List<String> heldOnEvidence(String eventId) {
        return held.entrySet().stream()
                .filter(entry -> entry.getValue().evidence().eventIds().contains(eventId))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The learner no longer holds the credential: its award was revoked or expired. */
    void release(String credentialId) {
        held.remove(credentialId);
    }
}
