package io.credbridge.ingest.caliper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.ingest.caliper.CaliperIngestProperties.Sensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaliperIngestPropertiesTest {

    static final String TOKEN = "a-sensor-token-0123456789";

    @Test
    void aSensorPrintsWithoutItsToken() {
        CaliperIngestProperties properties =
                new CaliperIngestProperties(true, List.of(new Sensor("https://lms.example.edu", TOKEN)));

        assertThat(properties.toString()).contains("https://lms.example.edu").doesNotContain(TOKEN);
    }

    @Test
    void aShortTokenStopsStartupSayingHowToMakeOne() {
        assertThatThrownBy(() -> new CaliperIngestProperties(true, List.of(new Sensor("s", "short"))))
                .hasMessageContaining("sensors[0].token must be at least 16 characters")
                .hasMessageContaining("CREDBRIDGE_INGEST_CALIPER_SENSORS_0_TOKEN")
                .hasMessageNotContaining("short");
    }

    @Test
    void aTokenABearerHeaderCannotCarryStopsStartup() {
        assertThatThrownBy(() -> new CaliperIngestProperties(true, List.of(new Sensor("s", TOKEN + " with spaces"))))
                .hasMessageContaining("sensors[0].token may hold only");
    }

    @Test
    void aSensorWithoutIdARepeatedIdOrASharedTokenStopsStartup() {
        assertThatThrownBy(() -> new CaliperIngestProperties(true, List.of(new Sensor(" ", TOKEN))))
                .hasMessageContaining("sensors[0].id is required");
        assertThatThrownBy(() -> new CaliperIngestProperties(
                        true, List.of(new Sensor("s", TOKEN), new Sensor("s", TOKEN + "2"))))
                .hasMessageContaining("sensors[1].id repeats sensor 's'");
        assertThatThrownBy(() ->
                        new CaliperIngestProperties(true, List.of(new Sensor("a", TOKEN), new Sensor("b", TOKEN))))
                .hasMessageContaining("sensors[1].token is the token of another sensor");
    }

    @Test
    void noSensorsIsAValidStartThatAcceptsNothing() {
        assertThat(new CaliperIngestProperties(true, null).sensors()).isEmpty();
    }
}
