package io.credbridge.outbox;

import java.util.Collection;
import java.util.Set;

/**
 * Thrown by a delivery that delivered part of its batch before the rest failed (entries for two SIS, one of them
 * down): the relay forgets the delivered events, with the writes their delivery left, and treats the others as
 * failed with the cause, so one failing SIS holds back only its own entries.
 */
public class PartialDelivery extends RuntimeException {

    private static final long serialVersionUID = 1L;

    // Read by the relay in the thread that caught it; an exception serialized elsewhere need not carry them.
    private final transient Set<String> deliveredEventIds;

    public PartialDelivery(Collection<String> deliveredEventIds, Exception failure) {
        super(deliveredEventIds.size() + " event(s) delivered, the others failed: " + failure.getMessage(), failure);
        this.deliveredEventIds = Set.copyOf(deliveredEventIds);
    }

    public Set<String> deliveredEventIds() {
        return deliveredEventIds;
    }
}
