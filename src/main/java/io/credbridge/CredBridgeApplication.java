package io.credbridge;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The exclusions are Camel auto-configurations of components, languages and secret vaults that camel-spring-boot
 * brings along and CredBridge never uses: each is parsed, has its conditions evaluated and binds its properties on
 * every start (about 0.3 s of the main thread's 4 s on 2 cores). Excluding one does not remove the component: a
 * route naming it still finds it on the classpath, only its {@code camel.component.<name>.*} properties are no longer
 * bound. The vault ones need vault jars CredBridge does not ship. {@code UnusedAutoConfigurationsTest} keeps every
 * name current and out of the routes.
 */
@SpringBootApplication(
        excludeName = {
            "org.apache.camel.component.beanclass.springboot.ClassComponentAutoConfiguration",
            "org.apache.camel.component.browse.springboot.BrowseComponentAutoConfiguration",
            "org.apache.camel.component.controlbus.springboot.ControlBusComponentAutoConfiguration",
            "org.apache.camel.component.dataformat.springboot.DataFormatComponentAutoConfiguration",
            "org.apache.camel.component.dataset.springboot.DataSetComponentAutoConfiguration",
            "org.apache.camel.component.dataset.springboot.DataSetComponentConverter",
            "org.apache.camel.component.dataset.springboot.DataSetTestComponentAutoConfiguration",
            "org.apache.camel.component.dataset.springboot.DataSetTestComponentConverter",
            "org.apache.camel.component.file.springboot.FileComponentAutoConfiguration",
            "org.apache.camel.component.language.springboot.LanguageComponentAutoConfiguration",
            "org.apache.camel.component.mock.springboot.MockComponentAutoConfiguration",
            "org.apache.camel.component.mock.springboot.MockComponentConverter",
            "org.apache.camel.component.rest.springboot.RestApiComponentAutoConfiguration",
            "org.apache.camel.component.rest.springboot.RestComponentAutoConfiguration",
            "org.apache.camel.component.rest.springboot.RestComponentConverter",
            "org.apache.camel.component.saga.springboot.SagaComponentAutoConfiguration",
            "org.apache.camel.component.seda.springboot.SedaComponentAutoConfiguration",
            "org.apache.camel.component.seda.springboot.SedaComponentConverter",
            "org.apache.camel.component.stub.springboot.StubComponentAutoConfiguration",
            "org.apache.camel.component.stub.springboot.StubComponentConverter",
            "org.apache.camel.component.validator.springboot.ValidatorComponentAutoConfiguration",
            "org.apache.camel.component.validator.springboot.ValidatorComponentConverter",
            "org.apache.camel.component.xslt.springboot.XsltComponentAutoConfiguration",
            "org.apache.camel.component.xslt.springboot.XsltComponentConverter",
            "org.apache.camel.language.csimple.springboot.CSimpleLanguageAutoConfiguration",
            "org.apache.camel.language.tokenizer.springboot.TokenizeLanguageAutoConfiguration",
            "org.apache.camel.language.xpath.springboot.XPathLanguageAutoConfiguration",
            "org.apache.camel.spring.boot.vault.AwsVaultAutoConfiguration",
            "org.apache.camel.spring.boot.vault.AzureVaultAutoConfiguration",
            "org.apache.camel.spring.boot.vault.CyberArkVaultAutoConfiguration",
            "org.apache.camel.spring.boot.vault.GcpVaultAutoConfiguration",
            "org.apache.camel.spring.boot.vault.HashicorpVaultAutoConfiguration",
            "org.apache.camel.spring.boot.vault.IBMVaultAutoConfiguration",
            "org.apache.camel.spring.boot.vault.KubernetesConfigMapVaultAutoConfiguration",
            "org.apache.camel.spring.boot.vault.KubernetesVaultAutoConfiguration"
        })
@ConfigurationPropertiesScan
public class CredBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(CredBridgeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
