package io.credbridge.ingest.xapi;

import io.credbridge.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class XapiClientsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(XapiClientsConfiguration.class);

    @Bean
    XapiClients xapiClients(XapiClientProperties properties, SecurityProperties security) {
        XapiClients clients = new XapiClients(properties, security.enabled());
        if (!security.enabled()) {
            log.warn("xAPI endpoint: authentication is off (credbridge.security.enabled=false); anyone who can reach"
                    + " /lms/xapi/statements can post statements, and so earn credentials");
        } else if (!clients.configured()) {
            log.warn("xAPI endpoint: no LRS client is configured, so every statement is refused 401; list the clients"
                    + " that may post in credbridge.ingest.xapi.clients (name, and password or password-hash)");
        } else {
            log.info(
                    "xAPI endpoint: HTTP Basic for LRS clients {}",
                    properties.clients().stream()
                            .map(XapiClientProperties.Client::name)
                            .toList());
        }
        return clients;
    }
}
