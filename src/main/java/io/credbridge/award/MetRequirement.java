package io.credbridge.award;

import java.time.Instant;

/** A requirement a learner has met, and the event that met it. */
public record MetRequirement(String learnerId, String requirementKey, String eventId, Instant metAt) {}
