package io.credbridge.outbox;

import java.time.Clock;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    /** The routes each destination is delivered through: routes/transcript, badge and dead-letter.camel.yaml. */
    static final Map<Destination, String> ROUTES = Map.of(
            Destination.TRANSCRIPT, "direct:transcript",
            Destination.BADGE, "direct:badge",
            Destination.DEAD_LETTER, "direct:dead-letter");

    @Bean
    OutboxRelay outboxRelay(
            OutboxStore store,
            TransactionTemplate transactions,
            ProducerTemplate routes,
            FailedDeliveries failedDeliveries,
            OutboxProperties properties,
            Clock clock) {
        Map<Destination, OutboxDelivery> deliveries = new java.util.EnumMap<>(Destination.class);
        ROUTES.forEach((destination, uri) -> deliveries.put(destination, new CamelRouteDelivery(routes, uri)));
        return new OutboxRelay(store, transactions, deliveries, failedDeliveries, properties, clock);
    }

    /** Relays start once the routes they deliver through are running, and stop before those routes stop. */
    @Bean
    RelayLifecycle outboxRelayLifecycle(OutboxRelay relay) {
        return new RelayLifecycle(relay);
    }

    static final class RelayLifecycle {
        private final OutboxRelay relay;

        RelayLifecycle(OutboxRelay relay) {
            this.relay = relay;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            relay.start();
        }

        @EventListener(ContextClosedEvent.class)
        void stop() {
            relay.stop();
        }
    }
}
