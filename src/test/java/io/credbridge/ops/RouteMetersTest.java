package io.credbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouteMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutePolicyFactory(new RouteMeters(registry));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ok").routeId("ok").log("fine");
                from("direct:boom").routeId("boom").throwException(new IllegalStateException("boom"));
                from("direct:answered")
                        .routeId("answered")
                        .onException(IllegalStateException.class)
                        .handled(true)
                        .setBody(constant("sorry"))
                        .end()
                        .throwException(new IllegalStateException("answered"));
                from("direct:slow").routeId("slow").process(exchange -> {
                    entered.countDown();
                    release.await(10, TimeUnit.SECONDS);
                });
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void countsAndTimesEveryExchangeOfARouteByOutcome() {
        producer.sendBody("direct:ok", "a");
        producer.sendBody("direct:ok", "b");
        assertThatThrownBy(() -> producer.sendBody("direct:boom", "c"));
        producer.sendBody("direct:answered", "d");

        assertThat(count("ok", "succeeded")).isEqualTo(2);
        assertThat(count("boom", "failed")).isEqualTo(1);
        assertThat(count("answered", "handled")).isEqualTo(1);
        assertThat(registry.find(RouteMeters.EXCHANGES)
                        .tags("route", "ok", "outcome", "failed")
                        .timer())
                .isNull();
        assertThat(registry.get(RouteMeters.EXCHANGES)
                        .tags("route", "ok")
                        .timer()
                        .totalTime(TimeUnit.NANOSECONDS))
                .isPositive();
    }

    @Test
    void showsTheExchangesARouteIsProcessingNow() throws Exception {
        Thread caller = new Thread(() -> producer.sendBody("direct:slow", "x"));
        caller.start();
        entered.await(10, TimeUnit.SECONDS);

        assertThat(inFlight("slow")).isEqualTo(1);
        release.countDown();
        caller.join(10_000);
        assertThat(inFlight("slow")).isZero();
        assertThat(inFlight("ok")).isZero();
    }

    private long count(String route, String outcome) {
        return registry.get(RouteMeters.EXCHANGES)
                .tags("route", route, "outcome", outcome)
                .timer()
                .count();
    }

    private double inFlight(String route) {
        return registry.get(RouteMeters.IN_FLIGHT).tags("route", route).gauge().value();
    }
}
