package io.credbridge.deadletter;

import io.credbridge.kafka.OutgoingRecord;
import java.util.List;

/**
 * Reads the payload of an ingest dead letter again, as its source delivers it, once whatever made it unusable is
 * fixed (a setting it lacked, a mapping that failed). Each source that files ingest dead letters provides one.
 */
public interface IngestedPayloads {

    /** The source whose dead letters this reads, as {@link DeadLetterEntry#source()} names it. */
    String source();

    /**
     * @return the learning-event records the payload yields now; none when it is an event CredBridge ignores
     * @throws RuntimeException whose message says why the payload still cannot be used
     */
    List<OutgoingRecord> reread(byte[] payload);
}
