package io.credbridge.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Met when every one of its criteria is met. */
public record AllOf(
        @NotEmpty(message = "must list at least one criterion")
        List<@NotNull @Valid Criterion> criteria) implements CriteriaGroup {

    static final String TYPE = "all-of";

    @Override
    public String typeName() {
        return TYPE;
    }

    public AllOf {
        criteria = CriteriaGroup.copy(criteria);
    }

    @Override
    public int required() {
        return criteria.size();
    }
}
