package io.credbridge.ingest.caliper;

import io.credbridge.ops.CredBridgeMetrics;
import org.springframework.stereotype.Component;

/**
 * Answers an accepted envelope once Kafka has its events: 200 with an empty body, as Caliper 1.2 "HTTP Responses"
 * asks. What became of each event and entity is counted instead, in {@code credbridge.source.events} by kind and
 * outcome, so nothing a sensor sends goes uncounted.
 */
@Component("caliperAcknowledgement")
public class CaliperAcknowledgement {

    private final CredBridgeMetrics metrics;

    public CaliperAcknowledgement(CredBridgeMetrics metrics) {
        this.metrics = metrics;
    }

    public String accepted(CaliperDelivery delivery) {
        String source = CaliperEventNormalizer.SOURCE;
        metrics.received(source, delivery.items().size());
        delivery.items().forEach(item -> {
            metrics.sourceEvent(source, item.kind(), "received");
            if (item.event() == null) {
                metrics.ignored(source, 1);
                metrics.sourceEvent(source, item.kind(), "ignored");
            }
        });
        return "";
    }
}
