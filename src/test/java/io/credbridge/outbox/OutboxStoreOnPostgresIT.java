package io.credbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.testsupport.PostgresTestDatabase;
import io.credbridge.testsupport.RequiresPostgres;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@RequiresPostgres
@Timeout(60)
class OutboxStoreOnPostgresIT extends OutboxStoreContract {

    private DataSource dataSource;

    @Override
    DataSource dataSource() {
        if (dataSource == null) {
            dataSource = PostgresTestDatabase.newSchemaDataSource();
        }
        return dataSource;
    }

    @Test
    void twoRelaysClaimingAtOnceGetDisjointEventsSoNoneIsDeliveredTwice() throws Exception {
        List<OutboxEvent> events = events(Destination.BADGE, 10);
        store.append(events);
        CountDownLatch firstHoldsItsClaim = new CountDownLatch(1);
        CountDownLatch secondHasClaimed = new CountDownLatch(1);

        CompletableFuture<List<OutboxEvent>> first =
                CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
                    List<OutboxEvent> claimed = store.claimDue(Destination.BADGE, 4, NOW);
                    firstHoldsItsClaim.countDown();
                    await(secondHasClaimed);
                    return claimed;
                }));
        await(firstHoldsItsClaim);
        List<OutboxEvent> second = claim(Destination.BADGE, 10, NOW);
        secondHasClaimed.countDown();

        Set<String> firstIds = new HashSet<>(first.get(30, TimeUnit.SECONDS).stream()
                .map(OutboxEvent::eventId)
                .toList());
        Set<String> secondIds =
                new HashSet<>(second.stream().map(OutboxEvent::eventId).toList());
        assertThat(firstIds).hasSize(4);
        assertThat(secondIds).hasSize(6).doesNotContainAnyElementsOf(firstIds);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
