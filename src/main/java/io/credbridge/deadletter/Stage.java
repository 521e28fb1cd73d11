package io.credbridge.deadletter;

import io.credbridge.outbox.Destination;
import java.util.Locale;

/** Where processing stopped; it decides what a replay does. */
public enum Stage {
    /** The award stage could not use a learning event; replay publishes the event again. */
    AWARD,
    /** The SIS adapter kept failing; replay puts the transcript delivery back in the outbox. */
    TRANSCRIPT,
    /** Publishing the badge event kept failing; replay puts it back in the outbox. */
    BADGE,
    /**
     * A source delivered something CredBridge could not read (a queued message it had to take off the queue);
     * replay reads the original payload again, as the source would deliver it, and publishes what it yields.
     */
    INGEST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Stage of(Destination destination) {
        return switch (destination) {
            case TRANSCRIPT -> TRANSCRIPT;
            case BADGE -> BADGE;
            case DEAD_LETTER -> throw new IllegalArgumentException("dead letters are retried, never dead-lettered");
        };
    }
}
