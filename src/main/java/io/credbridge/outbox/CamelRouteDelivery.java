package io.credbridge.outbox;

import java.util.List;
import org.apache.camel.ProducerTemplate;

/** Delivers by sending the batch into a Camel route (routes/*.camel.yaml wire what happens to it). */
final class CamelRouteDelivery implements OutboxDelivery {

    private final ProducerTemplate routes;
    private final String endpointUri;

    public CamelRouteDelivery(ProducerTemplate routes, String endpointUri) {
        this.routes = routes;
        this.endpointUri = endpointUri;
    }

    @Override
    public void deliver(List<OutboxEvent> events) {
        routes.requestBody(endpointUri, events);
    }
}
