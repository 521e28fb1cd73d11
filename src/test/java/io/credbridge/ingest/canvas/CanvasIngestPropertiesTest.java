package io.credbridge.ingest.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CanvasIngestPropertiesTest {

    @Test
    void aRelativeOrNonHttpJwksUrlStopsStartupSayingWhatToSet() {
        assertThatThrownBy(() -> CanvasIngestProperties.signed(URI.create("/main/jwks"), "", ""))
                .hasMessageContaining("credbridge.ingest.canvas.jwks-url must be an absolute http(s) URL")
                .hasMessageContaining(CanvasIngestProperties.DEFAULT_JWKS_URL);
        assertThatThrownBy(() -> CanvasIngestProperties.signed(URI.create("ftp://keys.example/jwks"), "", ""))
                .hasMessageContaining("jwks-url");
    }

    @Test
    void aBaseUrlMustBeTheInstancesAddressAndLosesItsTrailingSlash() {
        assertThatThrownBy(() -> CanvasIngestProperties.signed(
                        URI.create(CanvasIngestProperties.DEFAULT_JWKS_URL), "", "canvas.example.edu"))
                .hasMessageContaining("credbridge.ingest.canvas.base-url must be the Canvas instance's address");
        assertThat(CanvasIngestProperties.signed(
                                URI.create(CanvasIngestProperties.DEFAULT_JWKS_URL), "", "https://canvas.example.edu/")
                        .baseUrl())
                .isEqualTo("https://canvas.example.edu");
    }

    @Test
    void aZeroRefreshIntervalIsRefusedBecauseItWouldLetAnyoneHammerTheKeyEndpoint() {
        assertThatThrownBy(() -> new CanvasIngestProperties(
                        true,
                        URI.create(CanvasIngestProperties.DEFAULT_JWKS_URL),
                        "",
                        "",
                        Duration.ofHours(1),
                        Duration.ZERO,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(60)))
                .hasMessageContaining("key-refresh-min-interval must be a positive duration, e.g. 30s");
    }
}
