package io.credbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.MigratedDatabase;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What the outbox table must do on every database CredBridge runs on; the migrations run unchanged on each. */
abstract class OutboxStoreContract {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    OutboxStore store;
    TransactionTemplate transactions;
    NamedParameterJdbcTemplate jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        MigratedDatabase database = MigratedDatabase.of(dataSource());
        jdbc = database.jdbc();
        jdbc.getJdbcTemplate().update("delete from outbox_event");
        store = new OutboxStore(jdbc);
        transactions = database.transactions();
    }

    @Test
    void claimsDueEventsOfOneDestinationOldestFirstUpToTheLimit() {
        List<OutboxEvent> badges = events(Destination.BADGE, 5);
        store.append(badges);
        store.append(events(Destination.TRANSCRIPT, 2));

        List<OutboxEvent> claimed = claim(Destination.BADGE, 3, NOW);

        assertThat(claimed)
                .extracting(OutboxEvent::eventId)
                .containsExactly(
                        badges.get(0).eventId(),
                        badges.get(1).eventId(),
                        badges.get(2).eventId());
        assertThat(claimed.get(0).payload()).isEqualTo(badges.get(0).payload());
    }

    @Test
    void aDeliveredEventIsNotClaimedAgain() {
        List<OutboxEvent> badges = events(Destination.BADGE, 2);
        store.append(badges);

        transactions.executeWithoutResult(
                status -> store.removeDelivered(List.of(badges.get(0).eventId())));

        assertThat(claim(Destination.BADGE, 10, NOW))
                .extracting(OutboxEvent::eventId)
                .containsExactly(badges.get(1).eventId());
    }

    @Test
    void anEventScheduledForRetryIsDueOnlyWhenItsTimeComesWithItsAttemptCounted() {
        OutboxEvent event = events(Destination.TRANSCRIPT, 1).get(0);
        store.append(List.of(event));

        store.scheduleRetry(List.of(event.eventId()), "SIS down", NOW.plusSeconds(30));

        assertThat(claim(Destination.TRANSCRIPT, 10, NOW.plusSeconds(29))).isEmpty();
        assertThat(claim(Destination.TRANSCRIPT, 10, NOW.plusSeconds(30)))
                .singleElement()
                .satisfies(due -> assertThat(due.attempts()).isEqualTo(1));
    }

    @Test
    void aFailedEventWaitsUntilResubmittedAndThenStartsAfresh() {
        OutboxEvent event = events(Destination.BADGE, 1).get(0);
        store.append(List.of(event));
        store.markFailed(List.of(event.eventId()), "gave up");

        assertThat(claim(Destination.BADGE, 10, NOW)).isEmpty();
        assertThat(store.resubmit(event.eventId(), NOW)).isTrue();
        assertThat(store.resubmit(event.eventId(), NOW))
                .as("only a failed event can be resubmitted")
                .isFalse();
        assertThat(claim(Destination.BADGE, 10, NOW))
                .singleElement()
                .satisfies(due -> assertThat(due.attempts()).isZero());
    }

    @Test
    void anAwardsLaterChangeWaitsWhileItsEarlierOneIsPendingForRetry() {
        OutboxEvent issued = change("award-1", "award.issued", NOW.minusSeconds(30));
        OutboxEvent otherAward = change("award-2", "award.issued", NOW.minusSeconds(20));
        OutboxEvent revoked = change("award-1", "award.revoked", NOW.minusSeconds(10));
        store.append(List.of(issued, otherAward));
        store.scheduleRetry(List.of(issued.eventId()), "SIS down", NOW.plusSeconds(60));
        store.appendInOrder(List.of(revoked));

        assertThat(claim(Destination.BADGE, 10, NOW))
                .as("the revocation must not overtake its award")
                .extracting(OutboxEvent::eventId)
                .containsExactly(otherAward.eventId());
        assertThat(claim(Destination.BADGE, 10, NOW.plusSeconds(60)))
                .as("the award is due again; its revocation still waits for it to be delivered")
                .extracting(OutboxEvent::eventId)
                .containsExactly(issued.eventId(), otherAward.eventId());
        transactions.executeWithoutResult(status -> store.removeDelivered(List.of(issued.eventId())));
        assertThat(store.releaseReady(Destination.BADGE, NOW.plusSeconds(60))).isEqualTo(1);
        assertThat(claim(Destination.BADGE, 10, NOW.plusSeconds(60)))
                .extracting(OutboxEvent::eventId)
                .containsExactly(otherAward.eventId(), revoked.eventId());
    }

    @Test
    void aGivenUpEarlierChangeNoLongerHoldsBackTheLaterOne() {
        OutboxEvent issued = change("award-1", "award.issued", NOW.minusSeconds(30));
        OutboxEvent revoked = change("award-1", "award.revoked", NOW.minusSeconds(10));
        store.append(List.of(issued));
        store.appendInOrder(List.of(revoked));
        store.markFailed(List.of(issued.eventId()), "gave up");

        assertThat(store.releaseReady(Destination.BADGE, NOW)).isEqualTo(1);
        assertThat(claim(Destination.BADGE, 10, NOW))
                .extracting(OutboxEvent::eventId)
                .containsExactly(revoked.eventId());
    }

    @Test
    void aLaterChangeIsDueAtOnceWhenItsEarlierOnesWereDeliveredOrAreForAnotherDestination() {
        OutboxEvent transcript =
                OutboxEvent.of(Destination.TRANSCRIPT, "award", "award-1", "award.issued", "{}", NOW.minusSeconds(30));
        OutboxEvent delivered = change("award-1", "award.issued", NOW.minusSeconds(30));
        OutboxEvent revoked = change("award-1", "award.revoked", NOW.minusSeconds(10));
        store.append(List.of(transcript, delivered));
        transactions.executeWithoutResult(status -> store.removeDelivered(List.of(delivered.eventId())));
        store.appendInOrder(List.of(revoked));

        assertThat(store.releaseReady(Destination.BADGE, NOW))
                .as("nothing waits")
                .isZero();
        assertThat(claim(Destination.BADGE, 10, NOW))
                .extracting(OutboxEvent::eventId)
                .containsExactly(revoked.eventId());
    }

    static OutboxEvent change(String awardId, String type, Instant at) {
        return OutboxEvent.of(Destination.BADGE, "award", awardId, type, "{}", at);
    }

    List<OutboxEvent> claim(Destination destination, int limit, Instant now) {
        return transactions.execute(status -> store.claimDue(destination, limit, now));
    }

    static List<OutboxEvent> events(Destination destination, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> OutboxEvent.of(
                        destination,
                        "award",
                        "award-" + i,
                        "award.issued",
                        "{\"n\":" + i + ",\"text\":\"" + "x".repeat(5000) + "\"}",
                        NOW.minusSeconds(60 - i)))
                .toList();
    }
}
