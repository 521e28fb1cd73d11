package io.credbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.credbridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class LeaseRenewalTest {

    private static final Duration LEASE = Duration.ofSeconds(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final RecordingStore store = new RecordingStore();
    private final LeaseRenewal renewal = new LeaseRenewal(store, LEASE, clock);

    @Test
    void renewsEveryHeldEventOneLeaseFromNow() {
        renewal.hold(List.of("e1", "e2"));

        renewal.renew();

        assertThat(store.leases)
                .containsExactly(new Lease(List.of("e1", "e2"), clock.instant().plus(LEASE)));
    }

    @Test
    void aRenewalTheDatabaseRefusesIsLoggedAndTheNextOneLeasesAgainFromItsOwnNow() {
        renewal.hold(List.of("e1"));
        store.failuresLeft = 1;

        assertThatCode(renewal::renew)
                .as("the delivery goes on; the lease still holds until it runs out")
                .doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(5));
        renewal.renew();

        assertThat(store.leases)
                .as("the refused attempt, then the one that took, five seconds later")
                .containsExactly(
                        new Lease(List.of("e1"), Instant.parse("2026-11-30T09:00:15Z")),
                        new Lease(List.of("e1"), Instant.parse("2026-11-30T09:00:20Z")));
        assertThat(store.failuresLeft).isZero();
    }

    @Test
    void releasedEventsAreNotRenewedAndNothingHeldTouchesTheDatabase() {
        renewal.hold(List.of("e1", "e2"));
        renewal.release(List.of("e1", "e2"));

        renewal.renew();

        assertThat(store.leases).isEmpty();
    }

    private record Lease(List<String> eventIds, Instant until) {}

    /** Records each lease asked for, and refuses as many as {@code failuresLeft} says, as a database that is away. */
    private static final class RecordingStore extends OutboxStore {

        final List<Lease> leases = new ArrayList<>();
        int failuresLeft;

        RecordingStore() {
            super(null);
        }

        @Override
        public void lease(Collection<String> eventIds, Instant until) {
            leases.add(new Lease(eventIds.stream().sorted().toList(), until));
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new DataAccessResourceFailureException("connection refused");
            }
        }
    }
}
