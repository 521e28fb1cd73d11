package io.credbridge.outbox;

/** Where an outbox event is delivered; each destination has its own relay worker, so one slow target waits alone. */
public enum Destination {
    TRANSCRIPT,
    BADGE,
    DEAD_LETTER
}
