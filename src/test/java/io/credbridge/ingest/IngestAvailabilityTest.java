package io.credbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credbridge.ops.CredBridgeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class IngestAvailabilityTest {

    @Test
    void whileTheRoutesAreNotStartedASenderIsToldToSendAgainNeverThatThePathIsUnknown() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            MockHttpServletResponse starting = send(camel);

            assertThat(starting.getStatus()).isEqualTo(503);
            assertThat(starting.getHeader("Retry-After")).isEqualTo("5");
            assertThat(starting.getContentType()).startsWith("application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(starting.getContentAsString());
            assertThat(problem.path("type").asText()).isEqualTo("urn:credbridge:problem:unavailable");
            assertThat(problem.path("detail").asText())
                    .contains("takes no events now")
                    .contains("Send it again");

            camel.start();
            assertThat(send(camel).getStatus()).as("passed on to the route").isEqualTo(200);

            camel.stop();
            MockHttpServletResponse stopped = send(camel);
            assertThat(stopped.getStatus()).isEqualTo(503);
            assertThat(new ObjectMapper()
                            .readTree(stopped.getContentAsString())
                            .path("detail")
                            .asText())
                    .contains("shutting down");
        }
    }

    private static MockHttpServletResponse send(DefaultCamelContext camel) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/lms/xapi/statements");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new IngestAvailability(camel, new IngestProblems(new CredBridgeMetrics(new SimpleMeterRegistry())))
                .doFilter(request, response, new MockFilterChain());
        return response;
    }
}
