package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.award.AwardChange;
import io.credbridge.testsupport.MigratedDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** What the status lists must do on every database CredBridge runs on; the migrations run unchanged on each. */
abstract class StatusListsContract {

    static final Instant CHANGED = Instant.parse("2026-11-25T09:30:00Z");

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private DataSource dataSource;
    MigratedDatabase database;
    StatusLists lists;

    /** A fresh, empty database of its own on each call. */
    abstract DataSource newDataSource();

    @BeforeEach
    void migrate() {
        dataSource = newDataSource();
        database = MigratedDatabase.of(dataSource);
        lists = statusLists(Bitstring.MINIMUM_LENGTH);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void anAwardKeepsItsEntryWhenItsCredentialIsBuiltAgainAndWhenItIsRevoked() {
        String awardId = UUID.randomUUID().toString();

        StatusListEntry first = lists.entryFor(award(awardId, AwardChange.Action.ISSUED));
        StatusListEntry redelivered = lists.entryFor(award(awardId, AwardChange.Action.ISSUED));
        StatusListEntry revoked = lists.entryFor(award(awardId, AwardChange.Action.REVOKED));

        assertThat(redelivered).isEqualTo(first);
        assertThat(revoked).isEqualTo(first);
        assertThat(first.listUrl()).isEqualTo(TestIssuers.PUBLIC_URL + "/issuers/ce/status/1");
    }

    @Test
    void indexesAreUniqueWithinTheListAndDoNotFollowTheOrderOfIssuance() {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            indexes.add(issue(lists).index());
        }

        assertThat(indexes).doesNotHaveDuplicates().allMatch(index -> index >= 0 && index < Bitstring.MINIMUM_LENGTH);
        assertThat(indexes).isNotEqualTo(indexes.stream().sorted().toList());
        assertThat(indexes.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .as("spread over the whole list, not packed at its start")
                .isGreaterThan(Bitstring.MINIMUM_LENGTH / 2);
    }

    @Test
    void aFullListRollsOverToANewListAndEveryIndexOfTheFullOneIsUsedOnce() {
        StatusLists small = statusLists(4);

        List<StatusListEntry> entries = issue(small, 10);

        Map<Integer, List<Integer>> byList = byList(entries);
        assertThat(byList.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(byList.get(1)).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(byList.get(2)).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(byList.get(3)).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aListWhoseLengthIsNoPowerOfTwoIsFilledExactlyBeforeTheNextStarts() {
        StatusLists small = statusLists(37);

        List<StatusListEntry> entries = issue(small, 80);

        Map<Integer, List<Integer>> byList = byList(entries);
        List<Integer> allIndexes = IntStream.range(0, 37).boxed().toList();
        assertThat(byList.get(1)).containsExactlyInAnyOrderElementsOf(allIndexes);
        assertThat(byList.get(1)).as("in no particular order").isNotEqualTo(allIndexes);
        assertThat(byList.get(2)).containsExactlyInAnyOrderElementsOf(allIndexes);
        assertThat(byList.get(3)).hasSize(6).doesNotHaveDuplicates().allMatch(index -> index < 37);
    }

    @Test
    void awardsAllocatedFromSeveralThreadsAtOnceGetDistinctEntriesAndFillTheListsExactly() throws Exception {
        StatusLists small = statusLists(16);
        CyclicBarrier start = new CyclicBarrier(4);

        List<CompletableFuture<List<StatusListEntry>>> workers = IntStream.range(0, 4)
                .mapToObj(worker -> CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            List<StatusListEntry> entries = new ArrayList<>();
                            for (int i = 0; i < 12; i++) {
                                entries.add(inTransaction(() -> issue(small)));
                            }
                            return entries;
                        },
                        threads))
                .toList();
        List<StatusListEntry> entries = new ArrayList<>();
        for (CompletableFuture<List<StatusListEntry>> worker : workers) {
            entries.addAll(worker.get(60, TimeUnit.SECONDS));
        }

        assertThat(entries).hasSize(48).doesNotHaveDuplicates();
        Map<Integer, List<Integer>> byList = byList(entries);
        List<Integer> allIndexes = IntStream.range(0, 16).boxed().toList();
        assertThat(byList.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        byList.values().forEach(list -> assertThat(list).containsExactlyInAnyOrderElementsOf(allIndexes));
    }

    @Test
    void concurrentDeliveriesOfTheSameAwardsEndWithOneEntryEach() throws Exception {
        List<String> awardIds = IntStream.range(0, 20)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        CyclicBarrier start = new CyclicBarrier(4);

        List<CompletableFuture<Map<String, StatusListEntry>>> deliveries = IntStream.range(0, 4)
                .mapToObj(delivery -> CompletableFuture.supplyAsync(
                        () -> {
                            List<String> order = new ArrayList<>(awardIds);
                            Collections.shuffle(order);
                            await(start);
                            return order.stream()
                                    .collect(Collectors.toMap(id -> id, id -> inTransaction(() -> issue(lists, id))));
                        },
                        threads))
                .toList();
        List<Map<String, StatusListEntry>> seen = new ArrayList<>();
        for (CompletableFuture<Map<String, StatusListEntry>> delivery : deliveries) {
            seen.add(delivery.get(60, TimeUnit.SECONDS));
        }

        assertThat(seen).allSatisfy(entries -> assertThat(entries).isEqualTo(seen.get(0)));
        assertThat(Set.copyOf(seen.get(0).values())).hasSize(20);
        assertThat(database.jdbc()
                        .getJdbcTemplate()
                        .queryForObject("select count(*) from badge_status_entry", Integer.class))
                .isEqualTo(20);
    }

    @Test
    void instancesAllocateFromDisjointBlocksAndARestartLeavesTheRestOfItsBlockUnused() {
        StatusLists first = statusLists(16);
        StatusLists second = statusLists(16);

        List<StatusListEntry> entries = new ArrayList<>(issue(first, 3));
        entries.addAll(issue(second, 3));
        entries.addAll(issue(first, 3));
        StatusLists restarted = statusLists(16);
        entries.addAll(issue(restarted, 3));

        assertThat(entries).doesNotHaveDuplicates();
        Map<Integer, List<Integer>> byList = byList(entries);
        assertThat(byList.get(1))
                .as("the first instance's block starts the first list")
                .hasSize(6);
        assertThat(byList.keySet())
                .as("each instance on lists of its own block")
                .hasSize(3);
    }

    @Test
    void anIndexTakenByAnotherAllocationIsSkippedForTheNextPosition() {
        StatusLists small = statusLists(8);
        List<StatusListEntry> entries = new ArrayList<>(List.of(issue(small)));
        List<Integer> foreign = IntStream.range(0, 8)
                .filter(index -> index != entries.get(0).index())
                .limit(4)
                .boxed()
                .toList();
        foreign.forEach(index -> insertEntry(database.jdbc(), 1, index));

        entries.addAll(issue(small, 7));

        Map<Integer, List<Integer>> byList = byList(entries);
        assertThat(byList.get(1)).hasSize(4).doesNotContainAnyElementsOf(foreign);
        assertThat(byList.get(2)).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void entriesAllocatedBeforeTheCursorStayAndNewOnesStartOnAFreshListAfterTheHighest() {
        dataSource = newDataSource();
        Flyway.configure().dataSource(dataSource).target("13").load().migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        List.of(3, 0, 2, 1).forEach(index -> insertEntry(jdbc, 1, index));
        insertEntry(jdbc, 2, 2);
        database = MigratedDatabase.of(dataSource);
        StatusLists small = statusLists(4);

        List<StatusListEntry> entries = issue(small, 6);

        Map<Integer, List<Integer>> byList = byList(entries);
        assertThat(byList.keySet()).containsExactlyInAnyOrder(3, 4);
        assertThat(byList.get(3)).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(small.state("ce", 2)).isPresent();
        assertThat(jdbc.getJdbcTemplate()
                        .queryForObject(
                                "select count(*) from badge_status_entry where list_number in (1, 2)", Integer.class))
                .isEqualTo(5);
        assertThat(jdbc.getJdbcTemplate()
                        .queryForObject(
                                "select permutation_key from badge_status_cursor where issuer_slug = 'ce'",
                                byte[].class))
                .as("a random key set on the first allocation")
                .hasSize(IndexPermutation.KEY_BYTES);
    }

    @Test
    void aRevocationSetsTheAwardsBitOnceAndAnExpiryLeavesItsBitClear() {
        String revokedId = UUID.randomUUID().toString();
        String expiredId = UUID.randomUUID().toString();
        StatusListEntry revoked = issue(lists, revokedId);
        issue(lists, expiredId);
        issue(lists);

        lists.entryFor(award(revokedId, AwardChange.Action.REVOKED));
        lists.entryFor(award(revokedId, AwardChange.Action.REVOKED));
        lists.entryFor(award(expiredId, AwardChange.Action.EXPIRED));

        StatusLists.ListState state = lists.state("ce", 1).orElseThrow();
        assertThat(state.setIndexes()).containsExactly(revoked.index());
        assertThat(state.revision()).isEqualTo(1);
        assertThat(state.changedAt()).isEqualTo(CHANGED);
    }

    @Test
    void aRevocationToldInTheRevokingTransactionSetsTheBitOnlyWhenItCommits() {
        String revokedId = UUID.randomUUID().toString();
        String rolledBackId = UUID.randomUUID().toString();
        StatusListEntry revoked = issue(lists, revokedId);
        issue(lists, rolledBackId);
        String notBuiltYet = UUID.randomUUID().toString();

        database.transactions().executeWithoutResult(status -> lists.revoked(List.of(revokedId, notBuiltYet), CHANGED));
        database.transactions().executeWithoutResult(status -> {
            lists.revoked(List.of(rolledBackId), CHANGED);
            status.setRollbackOnly();
        });

        assertThat(lists.state("ce", 1).orElseThrow().setIndexes()).containsExactly(revoked.index());
        StatusListEntry builtLater = lists.entryFor(award(notBuiltYet, AwardChange.Action.REVOKED));
        assertThat(lists.state("ce", 1).orElseThrow().setIndexes())
                .as("an award revoked before its credential was built gets its bit with its entry")
                .containsExactlyInAnyOrder(revoked.index(), builtLater.index());
    }

    @Test
    void aSuspendableAwardNamesTheSuspensionListOfTheSameNumberAtTheSameIndexAndOthersNameNone() {
        StatusListEntry plain = lists.entryFor(award(UUID.randomUUID().toString(), AwardChange.Action.ISSUED));
        StatusListEntry suspendable =
                lists.entryFor(suspendable(UUID.randomUUID().toString(), AwardChange.Action.ISSUED));

        assertThat(plain.suspensionListUrl()).isNull();
        assertThat(suspendable.listUrl()).isEqualTo(TestIssuers.PUBLIC_URL + "/issuers/ce/status/1");
        assertThat(suspendable.suspensionListUrl()).isEqualTo(TestIssuers.PUBLIC_URL + "/issuers/ce/suspension/1");
    }

    @Test
    void aSuspensionSetsItsBitWhenItCommitsAndAReinstatementClearsItEachChangingTheRevision() {
        String suspendedId = UUID.randomUUID().toString();
        String rolledBackId = UUID.randomUUID().toString();
        StatusListEntry suspended = lists.entryFor(suspendable(suspendedId, AwardChange.Action.ISSUED));
        lists.entryFor(suspendable(rolledBackId, AwardChange.Action.ISSUED));
        StatusLists.ListState before =
                lists.state(StatusLists.Purpose.SUSPENSION, "ce", 1).orElseThrow();

        database.transactions().executeWithoutResult(status -> lists.suspended(suspendedId, ISSUER, CHANGED));
        database.transactions().executeWithoutResult(status -> {
            lists.suspended(rolledBackId, ISSUER, CHANGED);
            status.setRollbackOnly();
        });
        StatusLists.ListState whileSuspended =
                lists.state(StatusLists.Purpose.SUSPENSION, "ce", 1).orElseThrow();
        Instant reinstatedAt = CHANGED.plusSeconds(60);
        database.transactions().executeWithoutResult(status -> lists.reinstated(suspendedId, ISSUER, reinstatedAt));
        StatusLists.ListState afterwards =
                lists.state(StatusLists.Purpose.SUSPENSION, "ce", 1).orElseThrow();

        assertThat(before.setIndexes()).isEmpty();
        assertThat(whileSuspended.setIndexes()).containsExactly(suspended.index());
        assertThat(whileSuspended.changedAt()).isEqualTo(CHANGED);
        assertThat(lists.state("ce", 1).orElseThrow().setIndexes())
                .as("a suspension is not a revocation")
                .isEmpty();
        assertThat(afterwards.setIndexes()).isEmpty();
        assertThat(afterwards.changedAt()).isEqualTo(reinstatedAt);
        assertThat(List.of(before.revision(), whileSuspended.revision(), afterwards.revision()))
                .as("a served copy signed at an earlier revision is never taken for the current one")
                .containsExactly(0, 1, 2);
    }

    @Test
    void anAwardSuspendedBeforeItsCredentialIsBuiltGetsItsEntryThenAndTheCredentialNamesIt() {
        String awardId = UUID.randomUUID().toString();

        database.transactions().executeWithoutResult(status -> lists.suspended(awardId, ISSUER, CHANGED));
        StatusListEntry built = lists.entryFor(suspendable(awardId, AwardChange.Action.SUSPENDED));

        assertThat(lists.state(StatusLists.Purpose.SUSPENSION, "ce", 1)
                        .orElseThrow()
                        .setIndexes())
                .containsExactly(built.index());
        assertThat(lists.entryFor(suspendable(awardId, AwardChange.Action.REINSTATED)))
                .as("the same entry for every change of the award")
                .isEqualTo(built);
    }

    @Test
    void aListWithoutEntriesHasNoState() {
        issue(lists);

        assertThat(lists.state("ce", 2)).isEmpty();
        assertThat(lists.state("other", 1)).isEmpty();
    }

    private static final String ISSUER = BadgeIssuancesTest.outboxEventAward().issuerId();

    /** The test award under another id, with the given action (changed at {@link #CHANGED} unless issued). */
    static AwardChange award(String awardId, AwardChange.Action action) {
        return award(awardId, action, false);
    }

    /** As {@link #award}, of a definition that allows suspension. */
    static AwardChange suspendable(String awardId, AwardChange.Action action) {
        return award(awardId, action, true);
    }

    private static AwardChange award(String awardId, AwardChange.Action action, boolean suspendable) {
        AwardChange template = BadgeIssuancesTest.outboxEventAward();
        return new AwardChange(
                action,
                awardId,
                template.learnerId(),
                template.credentialId(),
                template.credentialVersion(),
                template.credentialName(),
                template.credentialDescription(),
                template.credentialKind(),
                template.issuerId(),
                template.issuerName(),
                template.criteria(),
                template.awardedAt(),
                template.earnedAt(),
                template.evidenceEventIds(),
                template.source(),
                template.eventReceivedAt(),
                action == AwardChange.Action.ISSUED ? null : "test",
                action == AwardChange.Action.ISSUED ? template.awardedAt() : CHANGED,
                template.sisPersonId(),
                template.transcript(),
                template.recognition(),
                template.expiresAt(),
                suspendable,
                template.gradeAchieved());
    }

    StatusLists statusLists(int length) {
        return new StatusLists(
                database.jdbc(),
                new DataSourceTransactionManager(dataSource),
                TestIssuers.issuers(),
                TestIssuers.PUBLIC_URL,
                length);
    }

    private static StatusListEntry issue(StatusLists lists) {
        return issue(lists, UUID.randomUUID().toString());
    }

    private static StatusListEntry issue(StatusLists lists, String awardId) {
        return lists.entryFor(award(awardId, AwardChange.Action.ISSUED));
    }

    private static List<StatusListEntry> issue(StatusLists lists, int awards) {
        List<StatusListEntry> entries = new ArrayList<>();
        for (int i = 0; i < awards; i++) {
            entries.add(issue(lists));
        }
        return entries;
    }

    /** As the badge relay calls it: inside the transaction that delivers the batch. */
    private <T> T inTransaction(Supplier<T> work) {
        return database.transactions().execute(status -> work.get());
    }

    /** An entry as the random allocation before the cursor (V14) made them. */
    private static void insertEntry(NamedParameterJdbcTemplate jdbc, int list, int index) {
        jdbc.update(
                "insert into badge_status_entry (award_id, issuer_slug, list_number, status_index, allocated_at)"
                        + " values (:id, 'ce', :list, :index, :at)",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "list",
                        list,
                        "index",
                        index,
                        "at",
                        Timestamp.from(CHANGED)));
    }

    private static Map<Integer, List<Integer>> byList(List<StatusListEntry> entries) {
        String base = TestIssuers.PUBLIC_URL + "/issuers/ce/status/";
        return entries.stream()
                .collect(Collectors.groupingBy(
                        entry -> Integer.valueOf(entry.listUrl().substring(base.length())),
                        Collectors.mapping(StatusListEntry::index, Collectors.toList())));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
