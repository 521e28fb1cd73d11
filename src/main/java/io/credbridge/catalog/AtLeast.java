package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Met when {@code count} of its criteria are met, e.g. three electives out of five; with {@code withinDays}, by
 * events that all happened within that many days of each other.
 */
public record AtLeast(
        @NotNull(message = "must say how many of the criteria must be met, e.g. 2") @Positive
        Integer count,

        @NotEmpty(message = "must list at least one criterion")
        List<@NotNull @Valid Criterion> criteria,

        @Positive(message = "must be a positive number of days, e.g. 30")
        Integer withinDays)
        implements CriteriaGroup {

    static final String TYPE = "at-least";

    @Override
    public String typeName() {
        return TYPE;
    }

    public AtLeast(Integer count, List<Criterion> criteria) {
        this(count, criteria, null);
    }

    public AtLeast {
        criteria = CriteriaGroup.copy(criteria);
    }

    @Override
    public int required() {
        return count;
    }
}
