package io.credbridge.deadletter;

/** The award stage's log of processed event ids, as far as a replay must reopen it. */
@FunctionalInterface
public interface ReprocessableEvents {

    /** Lets the event id be processed again if it was dead-lettered; a successfully processed id stays closed. */
    void reopenDeadLettered(String eventId);
}
