package io.credbridge.ingest;

import jakarta.servlet.Filter;
import org.apache.camel.CamelContext;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** After filters that only add headers (the xAPI version header), which must be on this 503 too. */
    @Bean
    FilterRegistrationBean<IngestAvailability> ingestAvailability(CamelContext camel, IngestProblems problems) {
        return onIngestPaths(new IngestAvailability(camel, problems), Ordered.HIGHEST_PRECEDENCE + 10);
    }

    /** Rate, size and encoding limits, after the availability check and before any source's authentication. */
    @Bean
    FilterRegistrationBean<IngestLimits> ingestLimits(IngestLimitsProperties limits, IngestProblems problems) {
        return onIngestPaths(new IngestLimits(limits, problems), Ordered.HIGHEST_PRECEDENCE + 20);
    }

    /**
     * A sender that asks before sending its body ({@code Expect: 100-continue}) is told 413 instead of being let
     * send a body too large to take: Tomcat's default answers "continue" at once, and then cuts the connection
     * mid-body once it has discarded more than it is willing to, so the sender never reads the 413.
     */
    @Bean
    TomcatConnectorCustomizer continueOnlyWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }

    /** Every source's ingest path lives under /lms/ (platform-http routes in routes/ingest-*.camel.yaml). */
    private static <F extends Filter> FilterRegistrationBean<F> onIngestPaths(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/lms/*");
        registration.setOrder(order);
        return registration;
    }
}
