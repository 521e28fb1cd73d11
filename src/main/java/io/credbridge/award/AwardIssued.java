package io.credbridge.award;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.credbridge.catalog.Criterion;
import java.time.Instant;
import java.util.List;

/**
 * The outbox payload announcing an award to the SIS adapter and the badge publisher. It snapshots the
 * credential definition, so a delivery made after a catalog change still says what was awarded. Its JSON form
 * is private to CredBridge (the public contract is the Avro BadgeIssuance), hence its own fixed mapper.
 */
public record AwardIssued(
        String awardId,
        String learnerId,
        String credentialId,
        int credentialVersion,
        String credentialName,
        String credentialDescription,
        String credentialKind,
        String issuerId,
        String issuerName,
        List<String> criteria,
        Instant awardedAt,
        Instant earnedAt,
        List<String> evidenceEventIds,
        String source,
        Instant eventReceivedAt) {

    public static final String EVENT_TYPE = "award.issued";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static AwardIssued of(Award award) {
        return new AwardIssued(
                award.awardId(),
                award.learnerId(),
                award.credential().id(),
                award.credential().version(),
                award.credential().name(),
                award.credential().description(),
                award.credential().kind().code(),
                award.credential().issuer().id(),
                award.credential().issuer().name(),
                award.credential().criteria().stream().map(Criterion::narrative).toList(),
                award.awardedAt(),
                award.earnedAt(),
                award.evidenceEventIds(),
                award.triggeredBy().source(),
                award.triggeredBy().receivedAt());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize award " + awardId, e);
        }
    }

    public static AwardIssued fromJson(String json) {
        try {
            return JSON.readValue(json, AwardIssued.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an award.issued payload: " + e.getOriginalMessage(), e);
        }
    }
}
