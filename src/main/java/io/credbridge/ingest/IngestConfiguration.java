package io.credbridge.ingest;

import org.apache.camel.CamelContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** Every source's ingest path lives under /lms/ (platform-http routes in routes/ingest-*.camel.yaml). */
    @Bean
    FilterRegistrationBean<IngestAvailability> ingestAvailability(CamelContext camel, IngestProblems problems) {
        FilterRegistrationBean<IngestAvailability> registration =
                new FilterRegistrationBean<>(new IngestAvailability(camel, problems));
        registration.addUrlPatterns("/lms/*");
        // After filters that only add headers (the xAPI version header), which must be on this 503 too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
