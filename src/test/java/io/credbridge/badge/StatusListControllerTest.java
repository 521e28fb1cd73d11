package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusListControllerTest {

    @Test
    void aVerifierThatAsksForVcJwtGetsTheJws() {
        assertThat(StatusListController.prefersJwt("application/vc+jwt")).isTrue();
        assertThat(StatusListController.prefersJwt("application/vc+jwt, application/json;q=0.5"))
                .isTrue();
        assertThat(StatusListController.prefersJwt("application/json;q=0.2, application/vc+jwt;q=0.9"))
                .isTrue();
    }

    @Test
    void everyOtherCallerKeepsTheJsonFormWithItsDataIntegrityProof() {
        assertThat(StatusListController.prefersJwt(null)).isFalse();
        assertThat(StatusListController.prefersJwt("")).isFalse();
        assertThat(StatusListController.prefersJwt("*/*")).isFalse();
        assertThat(StatusListController.prefersJwt("application/*")).isFalse();
        assertThat(StatusListController.prefersJwt("application/json")).isFalse();
        assertThat(StatusListController.prefersJwt("application/vc+ld+json, application/vc+jwt;q=0.5"))
                .isFalse();
        assertThat(StatusListController.prefersJwt("application/json, application/vc+jwt"))
                .as("on a tie, the type listed first")
                .isFalse();
        assertThat(StatusListController.prefersJwt("application/vc+jwt;q=0")).isFalse();
        assertThat(StatusListController.prefersJwt("not a media type;;")).isFalse();
    }
}
