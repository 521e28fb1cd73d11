package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credbridge.avro.LearningEvent;
import io.credbridge.ingest.RejectedInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The xAPI endpoint's one bean method: validate a {@code POST /statements} request as a whole, then
 * normalize each statement into an event to publish or an ignored statement to report.
 */
@Component("xapiStatementIngest")
public class XapiStatementIngest {

    private final XapiStatementValidator validator;
    private final XapiStatementNormalizer normalizer;
    private final Clock clock;

    public XapiStatementIngest(XapiStatementValidator validator, XapiStatementNormalizer normalizer, Clock clock) {
        this.validator = validator;
        this.normalizer = normalizer;
        this.clock = clock;
    }

    /**
     * @param body the request body: one xAPI Statement or an array of them
     * @param xapiVersionHeader the X-Experience-API-Version header
     * @throws RejectedInputException (400 / 413) when anything in the request is unacceptable;
     *     nothing from the request may be published then
     */
    public XapiBatch accept(String body, String xapiVersionHeader) {
        List<ObjectNode> statements = validator.validate(body, xapiVersionHeader);
        Instant receivedAt = clock.instant();
        List<String> statementIds = new ArrayList<>();
        List<LearningEvent> events = new ArrayList<>();
        List<IgnoredStatement> ignored = new ArrayList<>();
        for (ObjectNode statement : statements) {
            statementIds.add(idOf(statement));
            Normalized outcome = normalizer.normalize(statement, receivedAt);
            if (outcome instanceof Normalized.Event event) {
                events.add(event.event());
            } else if (outcome instanceof Normalized.Ignored skipped) {
                ignored.add(skipped.statement());
            }
        }
        return new XapiBatch(statementIds, events, ignored);
    }

    // Like an LRS, assign the id a producer left out; the answer tells the producer which id it got.
    private static String idOf(ObjectNode statement) {
        if (!statement.hasNonNull("id")) {
            statement.put("id", UUID.randomUUID().toString());
        }
        return statement.get("id").asText();
    }
}
