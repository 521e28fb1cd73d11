package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Met when every one of its criteria is met; with {@code withinDays}, by events that all happened within that many
 * days of each other.
 */
public record AllOf(
        @NotEmpty(message = "must list at least one criterion")
        List<@NotNull @Valid Criterion> criteria,

        @Positive(message = "must be a positive number of days, e.g. 30")
        Integer withinDays)
        implements CriteriaGroup {

    static final String TYPE = "all-of";

    @Override
    public String typeName() {
        return TYPE;
    }

    public AllOf(List<Criterion> criteria) {
        this(criteria, null);
    }

    public AllOf {
        criteria = CriteriaGroup.copy(criteria);
    }

    @Override
    public int required() {
        return criteria.size();
    }
}
