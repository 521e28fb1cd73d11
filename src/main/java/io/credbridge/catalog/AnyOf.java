package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Met when one of its criteria is met, e.g. any course of a list. */
public record AnyOf(
        @NotEmpty(message = "must list at least one criterion")
        List<@NotNull @Valid Criterion> criteria) implements CriteriaGroup {

    static final String TYPE = "any-of";

    @Override
    public String typeName() {
        return TYPE;
    }

    public AnyOf {
        criteria = CriteriaGroup.copy(criteria);
    }

    @Override
    public int required() {
        return 1;
    }
}
