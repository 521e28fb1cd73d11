package io.credbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortInTheOrderTheyWereMadeAsTextAndAreNeverRepeated() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
            if (i % 2_500 == 0) {
                Thread.sleep(2);
            }
        }

        assertThat(ids)
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void anIdCarriesTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(TimeOrderedIds.next());
        long after = System.currentTimeMillis();

        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after);
    }
}
