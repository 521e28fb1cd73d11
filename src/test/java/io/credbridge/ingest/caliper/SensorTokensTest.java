package io.credbridge.ingest.caliper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credbridge.ingest.RejectedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorTokensTest {

    static final String CANVAS_TOKEN = "canvas-sensor-token-0123456789";
    static final String EDX_TOKEN = "open-edx-sensor-token-9876543210";

    private final SensorTokens tokens = new SensorTokens(List.of(
            new CaliperIngestProperties.Sensor("https://canvas.example.edu/", CANVAS_TOKEN),
            new CaliperIngestProperties.Sensor("https://courses.example.edu", EDX_TOKEN)));

    @Test
    void aTokenNamesTheSensorItIsConfiguredFor() {
        assertThat(tokens.sensorOf("Bearer " + EDX_TOKEN)).isEqualTo("https://courses.example.edu");
        assertThat(tokens.sensorOf("bearer  " + CANVAS_TOKEN + " ")).isEqualTo("https://canvas.example.edu/");
    }

    @Test
    void withoutAnAuthorizationHeaderTheAnswerAsksForABearerToken() {
        assertThatThrownBy(() -> tokens.sensorOf(null))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(401);
                    assertThat(rejected.detail()).contains("Authorization: Bearer <token>");
                    assertThat(rejected.challenge()).isEqualTo("Bearer realm=\"credbridge-caliper\"");
                });
    }

    @Test
    void anotherSchemeIsNamedButItsCredentialsAreNotEchoed() {
        assertThatThrownBy(() -> tokens.sensorOf("Basic dXNlcjpwYXNzd29yZA=="))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(401);
                    assertThat(rejected.detail()).contains("'Basic' scheme").contains("expects the Bearer scheme");
                    assertThat(rejected.detail()).doesNotContain("dXNlcjpwYXNzd29yZA");
                });
    }

    @Test
    void aTokenOfNoSensorIsAnInvalidTokenAndIsNotEchoed() {
        assertThatThrownBy(() -> tokens.sensorOf("Bearer " + CANVAS_TOKEN + "x"))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(401);
                    assertThat(rejected.detail()).doesNotContain(CANVAS_TOKEN);
                    assertThat(rejected.challenge()).contains("error=\"invalid_token\"");
                });
    }

    @Test
    void aSensorCannotSendAsAnother() {
        String sensor = tokens.sensorOf("Bearer " + CANVAS_TOKEN);

        assertThatThrownBy(() -> SensorTokens.requireSameSensor(sensor, "https://courses.example.edu"))
                .isInstanceOfSatisfying(RejectedInputException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(401);
                    assertThat(rejected.detail())
                            .contains("https://canvas.example.edu/")
                            .contains("https://courses.example.edu");
                });
    }

    @Test
    void withNoSensorConfiguredEveryTokenIsRefusedSayingWhatToConfigure() {
        assertThatThrownBy(() -> new SensorTokens(List.of()).sensorOf("Bearer " + CANVAS_TOKEN))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        rejected -> assertThat(rejected.detail()).contains("credbridge.ingest.caliper.sensors"));
    }
}
