package io.credbridge.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

class XapiIngestWiringTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(XapiPackage.class);

    @Test
    void offersTheIngestUnderTheBeanNameTheRouteCalls() {
        context.run(started -> assertThat(started)
                .hasSingleBean(XapiStatementIngest.class)
                .getBean("xapiStatementIngest")
                .isInstanceOf(XapiStatementIngest.class));
    }

    @Test
    void offersTheLrsResourcesUnderTheBeanNameTheRoutesCall() {
        context.run(started -> assertThat(started).getBean("lrsResources").isInstanceOf(LrsResources.class));
    }

    @Test
    void acceptsAThousandStatementsPerRequestUnlessConfiguredOtherwise() {
        context.run(started -> assertThat(
                        started.getBean(XapiIngestProperties.class).maxStatements())
                .isEqualTo(1000));
        context.withPropertyValues("credbridge.ingest.xapi.max-statements=50")
                .run(started -> assertThat(
                                started.getBean(XapiIngestProperties.class).maxStatements())
                        .isEqualTo(50));
    }

    @Test
    void refusesToStartWithALimitBelowOne() {
        context.withPropertyValues("credbridge.ingest.xapi.max-statements=0")
                .run(started -> assertThat(started).hasFailed());
    }

    @Configuration
    @ComponentScan(
            basePackageClasses = XapiStatementIngest.class,
            excludeFilters =
                    @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JdbcAcceptedStatements.class))
    @EnableConfigurationProperties({XapiIngestProperties.class, XapiClientProperties.class})
    static class XapiPackage {

        @Bean
        AcceptedStatements acceptedStatements() {
            return new InMemoryAcceptedStatements();
        }

        @Bean
        io.credbridge.security.SecurityProperties security() {
            return io.credbridge.security.SecurityProperties.off();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        io.credbridge.ops.CredBridgeMetrics metrics() {
            return new io.credbridge.ops.CredBridgeMetrics(
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }
    }
}
