package io.credbridge.kafka;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param source the CloudEvents {@code source} prefix of this installation, a URI reference such as {@code
 *     https://credbridge.example.edu}; each flow appends its own path (e.g. {@code /badge}).
 */
@Validated
@ConfigurationProperties("credbridge.cloudevents")
public record CloudEventsProperties(
        @NotBlank(message = "must be a URI reference naming this installation, e.g. https://credbridge.example.edu")
        String source) {

    public String sourceOf(String flow) {
        return source.endsWith("/") ? source + flow : source + "/" + flow;
    }
}
