package io.credbridge.ingest.xapi;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class XapiConfiguration {

    /** First of all filters, so even the 503 answered while the routes start carries the header. */
    @Bean
    FilterRegistrationBean<XapiVersionHeader> xapiVersionHeader() {
        FilterRegistrationBean<XapiVersionHeader> registration = new FilterRegistrationBean<>(new XapiVersionHeader());
        registration.addUrlPatterns("/lms/xapi/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
