package io.credbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.identity.LearnerIdentities.Resolution;
import io.credbridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LearnerIdentitiesTest {

    static final String HOME = "https://lms.example.edu";
    static final LearnerIdentifier ALICE_ACCOUNT = new LearnerIdentifier("account", "alice", HOME);
    static final LearnerIdentifier ALICE_MBOX = new LearnerIdentifier("mbox", "alice@example.edu", null);

    private final Map<LearnerMappingKey, String> table = new HashMap<>();
    private final List<Collection<LearnerMappingKey>> tableQueries = new ArrayList<>();
    private final Map<String, String> sis = new HashMap<>();
    private final List<String> portCalls = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

    @Test
    void withoutRequiringASisIdTheLearnerIsKeyedByTheFirstAcceptedSchemeAndCarriesTheMappedSisId() {
        map(ALICE_MBOX, "S0001");

        assertThat(identities(false, false).resolve(List.of(ALICE_MBOX, ALICE_ACCOUNT)))
                .isEqualTo(new Resolution.Resolved("alice", "S0001"));
    }

    @Test
    void withoutRequiringASisIdAnUnmappedLearnerIsStillResolvedWithoutOne() {
        assertThat(identities(false, false).resolve(List.of(ALICE_ACCOUNT)))
                .isEqualTo(new Resolution.Resolved("alice", null));
    }

    @Test
    void withoutRequiringASisIdAnEventWithNoAcceptedSchemeIsUnresolvableAsToday() {
        LearnerIdentifier hashed =
                new LearnerIdentifier("mbox_sha1sum", "cd9b00a5611f94eaa7b1661edab976068e364975", null);
        map(hashed, "S0001");

        assertThat(identities(false, false).resolve(List.of(hashed)))
                .isInstanceOfSatisfying(
                        Resolution.Unresolvable.class,
                        unresolvable -> assertThat(unresolvable.reason())
                                .contains("credbridge.identity.accepted-schemes is [account, mbox]"));
    }

    @Test
    void requiringASisIdKeysTheLearnerByItAndPrefersTheMappingOfThePreferredScheme() {
        map(ALICE_MBOX, "S-FROM-MBOX");
        map(ALICE_ACCOUNT, "S-FROM-ACCOUNT");

        assertThat(identities(true, false).resolve(List.of(ALICE_MBOX, ALICE_ACCOUNT)))
                .isEqualTo(new Resolution.Resolved("S-FROM-ACCOUNT", "S-FROM-ACCOUNT"));
    }

    @Test
    void requiringASisIdAMappingOfAnyIdentifierTheEventCarriesCountsEvenOfASchemeNotAccepted() {
        LearnerIdentifier openid = new LearnerIdentifier("openid", "https://openid.example.edu/alice", null);
        map(openid, "S0001");

        assertThat(identities(true, false).resolve(List.of(openid)))
                .isEqualTo(new Resolution.Resolved("S0001", "S0001"));
    }

    @Test
    void requiringASisIdALearnerWithoutOneIsUnmappedSoTheEventIsParkedWithAReasonThatSaysWhatReleasesIt() {
        assertThat(identities(true, true).resolve(List.of(ALICE_ACCOUNT, ALICE_MBOX)))
                .isInstanceOfSatisfying(
                        Resolution.Unmapped.class,
                        unmapped -> assertThat(unmapped.reason())
                                .contains("[account, mbox]")
                                .contains("credbridge.identity.require-sis-id is true")
                                .contains("POST /api/identity/mappings")
                                .doesNotContain("alice"));
        assertThat(portCalls).as("the port was asked for each identifier").hasSize(2);
    }

    @Test
    void anEventWithoutIdentifiersOrWithOnlyBlankOnesIsUnresolvableWhateverTheConfiguration() {
        assertThat(identities(true, false).resolve(List.of())).isInstanceOf(Resolution.Unresolvable.class);
        assertThat(identities(false, false).resolve(List.of())).isInstanceOf(Resolution.Unresolvable.class);
        assertThat(identities(true, false).resolve(List.of(new LearnerIdentifier("account", " ", HOME))))
                .isInstanceOfSatisfying(
                        Resolution.Unresolvable.class,
                        unresolvable -> assertThat(unresolvable.reason()).contains("blank"));
    }

    @Test
    void theMappingTableIsAskedBeforeThePort() {
        map(ALICE_ACCOUNT, "S-TABLE");
        sis.put("alice", "S-PORT");

        assertThat(identities(true, true).resolve(List.of(ALICE_ACCOUNT)))
                .isEqualTo(new Resolution.Resolved("S-TABLE", "S-TABLE"));
        assertThat(portCalls).isEmpty();
    }

    @Test
    void aPortHitIsRememberedUntilItsTimeToLiveRunsOutAndIsNotWrittenToTheTable() {
        sis.put("alice", "S0001");
        LearnerIdentities identities = identities(true, true);

        assertThat(identities.resolve(List.of(ALICE_ACCOUNT))).isEqualTo(new Resolution.Resolved("S0001", "S0001"));
        assertThat(identities.resolve(List.of(ALICE_ACCOUNT))).isEqualTo(new Resolution.Resolved("S0001", "S0001"));
        assertThat(portCalls).containsExactly("alice");
        assertThat(table).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        identities.resolve(List.of(ALICE_ACCOUNT));
        assertThat(portCalls).containsExactly("alice", "alice");
    }

    @Test
    void aPortMissIsAskedAgainSoAPersonNewInTheSisIsFoundAtTheNextEvent() {
        LearnerIdentities identities = identities(true, true);

        assertThat(identities.resolve(List.of(ALICE_ACCOUNT))).isInstanceOf(Resolution.Unmapped.class);
        sis.put("alice", "S0001");

        assertThat(identities.resolve(List.of(ALICE_ACCOUNT))).isEqualTo(new Resolution.Resolved("S0001", "S0001"));
    }

    @Test
    void theCacheKeepsOnlyTheMostRecentlyUsedEntries() {
        sis.put("alice", "S1");
        sis.put("bob", "S2");
        sis.put("carol", "S3");
        CachedSisPersonLookup cached = new CachedSisPersonLookup(
                port(), new IdentityProperties.SisLookupCache(2, Duration.ofMinutes(10)), clock);

        cached.sisPersonIdFor(account("alice"));
        cached.sisPersonIdFor(account("bob"));
        cached.sisPersonIdFor(account("alice"));
        cached.sisPersonIdFor(account("carol"));
        cached.sisPersonIdFor(account("alice"));
        cached.sisPersonIdFor(account("bob"));

        assertThat(portCalls).containsExactly("alice", "bob", "carol", "bob");
    }

    @Test
    void aFailingPortLeavesTheLearnerUnknownAndTheReasonSaysTheLookupFailed() {
        LearnerIdentities failing = new LearnerIdentities(
                properties(true), new LearnerIdentityResolver(properties(true)), this::mapped, identifier -> {
                    throw new IllegalStateException("SIS unreachable");
                });

        assertThat(failing.resolve(List.of(ALICE_ACCOUNT)))
                .isInstanceOfSatisfying(
                        Resolution.Unmapped.class,
                        unmapped -> assertThat(unmapped.reason())
                                .contains("the SIS lookup failed: IllegalStateException: SIS unreachable"));
    }

    @Test
    void aBatchIsResolvedWithOneQueryOfTheMappingTable() {
        map(ALICE_ACCOUNT, "S0001");

        List<Resolution> resolutions = identities(true, false)
                .resolveAll(List.of(List.of(ALICE_ACCOUNT), List.of(account("bob")), List.of(ALICE_MBOX)));

        assertThat(resolutions.get(0)).isEqualTo(new Resolution.Resolved("S0001", "S0001"));
        assertThat(resolutions.get(1)).isInstanceOf(Resolution.Unmapped.class);
        assertThat(resolutions.get(2)).isInstanceOf(Resolution.Unmapped.class);
        assertThat(tableQueries)
                .singleElement()
                .satisfies(keys -> assertThat(keys).hasSize(3));
    }

    private LearnerIdentities identities(boolean requireSisId, boolean withPort) {
        IdentityProperties properties = properties(requireSisId);
        return new LearnerIdentities(
                properties,
                new LearnerIdentityResolver(properties),
                this::mapped,
                withPort ? new CachedSisPersonLookup(port(), properties.sisLookupCache(), clock) : null);
    }

    private static IdentityProperties properties(boolean requireSisId) {
        return new IdentityProperties(
                List.of("account", "mbox"),
                requireSisId,
                new IdentityProperties.SisLookupCache(100, Duration.ofMinutes(10)),
                Duration.ofMinutes(5));
    }

    private SisPersonLookup port() {
        return identifier -> {
            portCalls.add(identifier.getValue());
            return Optional.ofNullable(sis.get(identifier.getValue()));
        };
    }

    private Map<LearnerMappingKey, String> mapped(Collection<LearnerMappingKey> keys) {
        tableQueries.add(List.copyOf(keys));
        Map<LearnerMappingKey, String> found = new HashMap<>();
        keys.stream().filter(table::containsKey).forEach(key -> found.put(key, table.get(key)));
        return found;
    }

    private void map(LearnerIdentifier identifier, String sisPersonId) {
        table.put(LearnerMappingKey.of(identifier), sisPersonId);
    }

    private static LearnerIdentifier account(String name) {
        return new LearnerIdentifier("account", name, HOME);
    }
}
