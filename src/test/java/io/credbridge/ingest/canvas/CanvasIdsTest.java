package io.credbridge.ingest.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanvasIdsTest {

    @Test
    void aGlobalIdAndItsLocalIdNameTheSameThing() {
        assertThat(CanvasIds.local("21070000000000048")).isEqualTo("48");
        assertThat(CanvasIds.local("48")).isEqualTo("48");
        assertThat(CanvasIds.local("9999999999999")).isEqualTo("9999999999999");
    }

    @Test
    void anIdThatIsNotANumberIsKeptAsItIs() {
        assertThat(CanvasIds.local("sis_user_id:ABC.123")).isEqualTo("sis_user_id:ABC.123");
    }

    @Test
    void derivedIdsDependOnEveryMeaningfulField() {
        String id = CanvasEventIds.of(
                "grade_change", "https://c.edu", "2019-11-01T19:11:05.222Z", java.util.List.of("48", "5"));

        assertThat(CanvasEventIds.of(
                        "grade_change", "https://c.edu", "2019-11-01T19:11:05.222Z", java.util.List.of("48", "5")))
                .isEqualTo(id);
        assertThat(CanvasEventIds.of(
                        "grade_change", "https://c.edu", "2019-11-01T19:11:05.222Z", java.util.List.of("485")))
                .isNotEqualTo(id);
        assertThat(CanvasEventIds.of(
                        "grade_change", "https://d.edu", "2019-11-01T19:11:05.222Z", java.util.List.of("48", "5")))
                .isNotEqualTo(id);
    }
}
