package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.avro.Score;

/** The score of a graded assessment, read from a statement's result. */
final class Scores {

    private Scores() {}

    /** Null when the statement reports neither a score nor whether the attempt passed. */
    static Score of(JsonNode result, AdlVerb verb) {
        JsonNode score = result.path("score");
        Double raw = number(score, "raw");
        Double min = number(score, "min");
        Double max = number(score, "max");
        Double scaled = number(score, "scaled");
        JsonNode success = result.path("success");
        Boolean passed = success.isBoolean() ? Boolean.valueOf(success.booleanValue()) : verb.impliedPass();
        if (raw == null && min == null && max == null && scaled == null && passed == null) {
            return null;
        }
        return new Score(raw, min, max, scaled != null ? scaled : scaledFrom(raw, min, max), passed);
    }

    // xAPI lets min default to nothing; a raw score out of a maximum is read as out of 0..max.
    private static Double scaledFrom(Double raw, Double min, Double max) {
        if (raw == null || max == null) {
            return null;
        }
        double low = min == null ? 0 : min;
        return max > low ? (raw - low) / (max - low) : null;
    }

    private static Double number(JsonNode score, String field) {
        JsonNode value = score.path(field);
        return value.isNumber() ? value.doubleValue() : null;
    }
}
