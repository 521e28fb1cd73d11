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
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
