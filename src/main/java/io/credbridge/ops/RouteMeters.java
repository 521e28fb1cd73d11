package io.credbridge.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * Meters every Camel route: how many exchanges it ran, how long they took and how they ended, and how many are
 * running now. This is the role camel-micrometer played; it is not served for Camel 4.22, so CredBridge
 * registers a route policy of its own (Camel applies every {@link RoutePolicyFactory} bean to every route).
 */
@Component
class RouteMeters implements RoutePolicyFactory {

    static final String EXCHANGES = "credbridge.route.exchanges";
    static final String IN_FLIGHT = "credbridge.route.exchanges.inflight";
    private static final String STARTED = "credbridge.route.started";

    private final MeterRegistry registry;

    public RouteMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new RouteMeter(routeId);
    }

    /** How an exchange ended: {@code failed} reached the caller, {@code handled} was answered by an error policy. */
    static String outcome(Exchange exchange) {
        if (exchange.isFailed()) {
            return "failed";
        }
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null ? "handled" : "succeeded";
    }

    private final class RouteMeter extends RoutePolicySupport {

        private final String routeId;
        private final AtomicInteger inFlight = new AtomicInteger();

        RouteMeter(String routeId) {
            this.routeId = routeId;
            Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                    .description("Exchanges a Camel route is processing now")
                    .tag("route", routeId)
                    .register(registry);
        }

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            inFlight.incrementAndGet();
            exchange.setProperty(STARTED + "." + routeId, System.nanoTime());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            inFlight.decrementAndGet();
            Long started = exchange.getProperty(STARTED + "." + routeId, Long.class);
            if (started == null) {
                return;
            }
            Timer.builder(EXCHANGES)
                    .description("Exchanges a Camel route completed, by outcome, and how long they took")
                    .tags("route", routeId, "outcome", outcome(exchange))
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
