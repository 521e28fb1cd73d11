package io.credbridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientRatesTest {

    @Test
    void aClientIsAdmittedUpToItsRateAndThenRefusedWhileOthersAreStillAdmitted() {
        ClientRates rates = new ClientRates(5, 100);

        long admitted =
                IntStream.range(0, 20).filter(i -> rates.admit("flooding")).count();

        assertThat(admitted).isBetween(5L, 10L); // 10 only if the second turned over meanwhile
        assertThat(rates.admit("quiet")).isTrue();
    }

    @Test
    void pastTheTrackedClientsCountingStartsOverRatherThanGrowing() {
        ClientRates rates = new ClientRates(1, 2);
        assertThat(rates.admit("a")).isTrue();
        assertThat(rates.admit("a")).isFalse();

        rates.admit("b");
        rates.admit("c"); // a third client: the two tracked ones are forgotten

        assertThat(rates.admit("a")).isTrue();
    }
}
