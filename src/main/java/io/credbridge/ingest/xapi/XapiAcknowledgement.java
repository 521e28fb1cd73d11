package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.credbridge.ops.CredBridgeMetrics;
import org.springframework.stereotype.Component;

/** Answers an accepted POST as an LRS does (a JSON array of the statement ids), once Kafka has the events. */
@Component("xapiAcknowledgement")
public class XapiAcknowledgement {

    private final ObjectMapper json = new ObjectMapper();
    private final CredBridgeMetrics metrics;

    public XapiAcknowledgement(CredBridgeMetrics metrics) {
        this.metrics = metrics;
    }

    public String accepted(XapiBatch batch) {
        metrics.received("xapi", batch.statementIds().size());
        metrics.ignored("xapi", batch.ignored().size());
        ArrayNode ids = json.createArrayNode();
        batch.statementIds().forEach(ids::add);
        return ids.toString();
    }
}
