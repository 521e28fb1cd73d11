package io.credbridge.jdbc;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids for rows CredBridge creates by the thousand (awards, outbox events): UUID version 7 (RFC 9562), whose leading
 * bits are the creation time in milliseconds and the rest random. Each new id sorts after the ones before it, so
 * the indexes on these ids grow at their right edge instead of taking inserts on random pages; they are still
 * unique and unguessable, and still UUIDs to every consumer.
 */
public final class TimeOrderedIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {}

    public static String next() {
        return GENERATOR.generate().toString();
    }
}
