package io.credbridge.catalog;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A group of criteria and how many of them must be met: {@code all-of}, {@code any-of} or {@code at-least}. */
public sealed interface CriteriaGroup extends Criterion permits AllOf, AnyOf, AtLeast {

    List<Criterion> criteria();

    /** How many of {@link #criteria()} must be met. */
    int required();

    /** How many days apart the events that meet the group may be at most; null when any span will do. */
    default Integer withinDays() {
        return null;
    }

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
        String span = withinDays() == null ? "" : " (within " + withinDays() + " days of each other)";
        if (required() == criteria().size()) {
            return "All of" + span + ": " + parts;
        }
        return (required() == 1 ? "Any one of" : "At least " + required() + " of") + span + ": " + parts;
    }

    static List<Criterion> copy(List<Criterion> criteria) {
        return criteria == null ? null : List.copyOf(criteria);
    }
}
