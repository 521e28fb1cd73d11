package io.credbridge.ingest.xapi;

import io.credbridge.avro.LearningEvent;

/** What one valid statement becomes: an event CredBridge publishes, or a statement it has no use for. */
public sealed interface Normalized {

    record Event(LearningEvent event) implements Normalized {}

    record Ignored(IgnoredStatement statement) implements Normalized {}
}
