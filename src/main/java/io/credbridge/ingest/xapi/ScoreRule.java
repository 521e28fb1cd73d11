package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.credbridge.ingest.RejectedInputException.Violation;
import java.util.List;

/** xAPI 1.0.3 Score: min is less than max, and raw lies between them (inclusive) when they are given. */
final class ScoreRule {

    void check(JsonNode score, Location at, List<Violation> out) {
        JsonNode raw = score.path("raw");
        JsonNode min = score.path("min");
        JsonNode max = score.path("max");
        if (min.isNumber() && max.isNumber() && min.decimalValue().compareTo(max.decimalValue()) >= 0) {
            Location field = at.child("max");
            out.add(new Violation(
                    field.pointer(),
                    field.field() + " must be greater than " + at.child("min").field() + " (" + min + "); found "
                            + max));
        }
        if (raw.isNumber() && min.isNumber() && raw.decimalValue().compareTo(min.decimalValue()) < 0) {
            Location field = at.child("raw");
            out.add(new Violation(
                    field.pointer(),
                    field.field() + " must not be below " + at.child("min").field() + " (" + min + "); found " + raw));
        }
        if (raw.isNumber() && max.isNumber() && raw.decimalValue().compareTo(max.decimalValue()) > 0) {
            Location field = at.child("raw");
            out.add(new Violation(
                    field.pointer(),
                    field.field() + " must not be above " + at.child("max").field() + " (" + max + "); found " + raw));
        }
    }
}
