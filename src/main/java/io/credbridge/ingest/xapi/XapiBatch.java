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
 * @param answerWithIds a POST is answered 200 with the ids; a PUT 204 without a body, as an LRS does
 */
public record XapiBatch(
        List<String> statementIds, List<LearningEvent> events, List<IgnoredStatement> ignored, boolean answerWithIds) {

    public XapiBatch {
        statementIds = List.copyOf(statementIds);
        events = List.copyOf(events);
        ignored = List.copyOf(ignored);
    }

    /** The HTTP status an accepted request gets. */
    public int status() {
        return answerWithIds ? 200 : 204;
    }
}
