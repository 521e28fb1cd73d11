package io.credbridge.catalog;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A group of criteria and how many of them must be met: {@code all-of}, {@code any-of} or {@code at-least}. */
public sealed interface CriteriaGroup extends Criterion permits AllOf, AnyOf, AtLeast {

    List<Criterion> criteria();

    /** How many of {@link #criteria()} must be met. */
    int required();

    @Override
    default Stream<Requirement> requirements() {
        return criteria().stream().flatMap(Criterion::requirements);
    }

    @Override
    default Stream<String> credentialsHeld() {
        return criteria().stream().flatMap(Criterion::credentialsHeld);
    }

    @Override
    default String narrative() {
        String parts = criteria().stream().map(Criterion::narrative).collect(Collectors.joining(" "));
        if (required() == criteria().size()) {
            return "All of: " + parts;
        }
        return (required() == 1 ? "Any one of: " : "At least " + required() + " of: ") + parts;
    }

    static List<Criterion> copy(List<Criterion> criteria) {
        return criteria == null ? null : List.copyOf(criteria);
    }
}
