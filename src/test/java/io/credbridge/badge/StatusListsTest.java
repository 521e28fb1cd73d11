package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.award.AwardChange;
import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusListsTest {

    private MigratedDatabase database;
    private StatusLists lists;

    @BeforeEach
    void migrate() {
        database = MigratedDatabase.of(H2TestDatabase.newDataSource());
        lists = statusLists(Bitstring.MINIMUM_LENGTH);
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
            indexes.add(lists.entryFor(award(UUID.randomUUID().toString(), AwardChange.Action.ISSUED))
                    .index());
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

        List<StatusListEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(small.entryFor(award(UUID.randomUUID().toString(), AwardChange.Action.ISSUED)));
        }

        Map<String, List<Integer>> byList = entries.stream()
                .collect(Collectors.groupingBy(
                        StatusListEntry::listUrl, Collectors.mapping(StatusListEntry::index, Collectors.toList())));
        String base = TestIssuers.PUBLIC_URL + "/issuers/ce/status/";
        assertThat(byList.keySet()).containsExactlyInAnyOrder(base + 1, base + 2, base + 3);
        assertThat(byList.get(base + 1)).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(byList.get(base + 2)).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(byList.get(base + 3)).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aRevocationSetsTheAwardsBitOnceAndAnExpiryLeavesItsBitClear() {
        String revokedId = UUID.randomUUID().toString();
        String expiredId = UUID.randomUUID().toString();
        StatusListEntry revoked = lists.entryFor(award(revokedId, AwardChange.Action.ISSUED));
        lists.entryFor(award(expiredId, AwardChange.Action.ISSUED));
        lists.entryFor(award(UUID.randomUUID().toString(), AwardChange.Action.ISSUED));

        lists.entryFor(award(revokedId, AwardChange.Action.REVOKED));
        lists.entryFor(award(revokedId, AwardChange.Action.REVOKED));
        lists.entryFor(award(expiredId, AwardChange.Action.EXPIRED));

        StatusLists.ListState state = lists.state("ce", 1).orElseThrow();
        assertThat(state.revokedIndexes()).containsExactly(revoked.index());
        assertThat(state.revision()).isEqualTo(1);
        assertThat(state.changedAt()).isEqualTo(CHANGED);
    }

    @Test
    void aListWithoutEntriesHasNoState() {
        lists.entryFor(award(UUID.randomUUID().toString(), AwardChange.Action.ISSUED));

        assertThat(lists.state("ce", 2)).isEmpty();
        assertThat(lists.state("other", 1)).isEmpty();
    }

    static final Instant CHANGED = Instant.parse("2026-11-25T09:30:00Z");

    /** The test award under another id, with the given action (changed at {@link #CHANGED} unless issued). */
    static AwardChange award(String awardId, AwardChange.Action action) {
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
                template.expiresAt());
    }

    StatusLists statusLists(int length) {
        return new StatusLists(
                database.jdbc(), TestIssuers.issuers(), TestIssuers.PUBLIC_URL, length, new SecureRandom());
    }
}
