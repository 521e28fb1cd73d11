package io.credbridge.identity;

import java.util.List;

/**
 * Evaluates parked events again once their learner can be mapped; the award stage implements it. CredBridge calls
 * it after a mapping is committed, with a few hundred events at a time and never twice at once.
 */
@FunctionalInterface
public interface ParkedEventHandler {

    /**
     * Evaluates the events and removes them from the parked events ({@link ParkedEvents#remove}) in the same
     * transaction, so each is either still parked or evaluated, never both and never neither. An event that still
     * cannot be mapped may simply be left parked. An exception leaves every event of the call parked; it is logged
     * and the events are offered again by the next mapping or {@code POST /api/identity/parked/release}.
     */
    void reevaluate(List<ParkedEvent> released);
}
