package io.credbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CredBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(CredBridgeApplication.class, args);
    }
}
