package io.credbridge.identity;

import java.time.Instant;

/** An LMS-side learner identifier and the SIS person it stands for, with who set it and when. */
public record LearnerMapping(LearnerMappingKey learner, String sisPersonId, Instant updatedAt, String updatedBy) {}
