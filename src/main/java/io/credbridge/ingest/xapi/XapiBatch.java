package io.credbridge.ingest.xapi;

import io.credbridge.avro.LearningEvent;
import java.util.List;

/**
 * What one accepted {@code POST /statements} request produced.
 *
 * @param statementIds one per posted statement, in request order, including ids assigned here; the
 *     endpoint answers with them as an LRS does
 * @param events the statements CredBridge acts on, normalized, to publish
 * @param ignored the valid statements it does not act on
 */
public record XapiBatch(List<String> statementIds, List<LearningEvent> events, List<IgnoredStatement> ignored) {

    public XapiBatch {
        statementIds = List.copyOf(statementIds);
        events = List.copyOf(events);
        ignored = List.copyOf(ignored);
    }
}
