package io.credbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.ops.CredBridgeMetrics;
import io.credbridge.testsupport.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What the mapping and parked-event tables must do on every database CredBridge runs on. */
abstract class IdentityStoreContract {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final String HOME = "https://lms.example.edu";
    static final LearnerMappingKey ALICE = new LearnerMappingKey("account", HOME, "alice");
    static final LearnerMappingKey ALICE_MBOX = new LearnerMappingKey("mbox", "", "alice@example.edu");
    static final LearnerMappingKey BOB = new LearnerMappingKey("account", HOME, "bob");
    static final LearnerMappingKey BOB_MBOX = new LearnerMappingKey("mbox", "", "bob@example.edu");

    IdentityMappings mappings;
    ParkedEvents parked;
    TransactionTemplate transactions;
    SimpleMeterRegistry meters;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        MigratedDatabase database = MigratedDatabase.of(dataSource());
        NamedParameterJdbcTemplate jdbc = database.jdbc();
        for (String table : List.of("parked_event_identifier", "parked_event", "learner_mapping", "course_mapping")) {
            jdbc.getJdbcTemplate().update("delete from " + table);
        }
        meters = new SimpleMeterRegistry();
        mappings = new IdentityMappings(jdbc);
        parked = new ParkedEvents(jdbc, new CredBridgeMetrics(meters));
        transactions = database.transactions();
    }

    @Test
    void aStoredLearnerMappingReplacesTheEarlierOneForTheSameIdentifier() {
        mappings.upsertLearners(List.of(learner(ALICE, "S-OLD", "first"), learner(BOB, "S0002", "first")));
        mappings.upsertLearners(List.of(learner(ALICE, "S0001", "registrar")));

        assertThat(mappings.learner(ALICE)).hasValueSatisfying(mapping -> {
            assertThat(mapping.sisPersonId()).isEqualTo("S0001");
            assertThat(mapping.updatedBy()).isEqualTo("registrar");
            assertThat(mapping.updatedAt()).isEqualTo(NOW);
        });
        assertThat(mappings.learners(null, null, null, 10))
                .extracting(LearnerMapping::sisPersonId)
                .containsExactly("S0001", "S0002");
        assertThat(mappings.learners("account", HOME, "bob", 10))
                .extracting(LearnerMapping::learner)
                .containsExactly(BOB);
    }

    @Test
    void theSisPersonIdIsTheFirstMappedIdentifierInTheOrderGivenAndOnlyAnExactKeyMatches() {
        mappings.upsertLearners(List.of(learner(ALICE_MBOX, "S-MBOX", "r"), learner(BOB, "S-BOB", "r")));

        assertThat(mappings.sisPersonIdFor(List.of(
                        new LearnerIdentifier("account", "alice", HOME),
                        new LearnerIdentifier("mbox", "mailto:alice@example.edu", null),
                        new LearnerIdentifier("account", "bob", HOME))))
                .hasValue("S-MBOX");
        assertThat(mappings.sisPersonIdFor(List.of(
                        new LearnerIdentifier("account", "bob", "https://other.example.edu"),
                        new LearnerIdentifier("mbox", "bob", null))))
                .as("bob's account name in another LMS, or as an mbox, is not bob's account here")
                .isEmpty();
    }

    @Test
    void aDeletedLearnerMappingIsGoneAndDeletingItAgainSaysSo() {
        mappings.upsertLearners(List.of(learner(ALICE, "S0001", "r")));

        assertThat(mappings.deleteLearner(ALICE)).isTrue();
        assertThat(mappings.deleteLearner(ALICE)).isFalse();
        assertThat(mappings.sisPersonIds(List.of(ALICE))).isEmpty();
    }

    @Test
    void courseMappingsAreStoredReplacedFoundAndDeleted() {
        String course = "https://lms.example.edu/courses/101";
        mappings.upsertCourses(List.of(new CourseMapping(course, "MATH-100", "001", "2026FA", NOW, "r")));
        mappings.upsertCourses(List.of(new CourseMapping(course, "MATH-101", null, null, NOW, "registrar")));

        assertThat(mappings.courseFor(course))
                .hasValue(new CourseMapping(course, "MATH-101", null, null, NOW, "registrar"));
        assertThat(mappings.coursesFor(List.of(course, "https://lms.example.edu/courses/999")))
                .containsOnlyKeys(course);
        assertThat(mappings.deleteCourse(course)).isTrue();
        assertThat(mappings.courseFor(course)).isEmpty();
    }

    @Test
    void parkingTheSameEventTwiceIsANoOpAndCountsOnce() {
        ParkedEvent first = event("e-1", "first reason", ALICE, ALICE_MBOX);

        transactions.executeWithoutResult(status -> parked.park(List.of(first, first)));
        transactions.executeWithoutResult(status -> parked.park(List.of(event("e-1", "second reason", BOB))));

        assertThat(parked.count()).isEqualTo(1);
        assertThat(parked.list(10)).singleElement().satisfies(event -> {
            assertThat(event.reason()).isEqualTo("first reason");
            assertThat(event.identifiers()).containsExactly(ALICE, ALICE_MBOX);
        });
        assertThat(meters.counter("credbridge.identity.events.parked").count()).isEqualTo(1);
    }

    @Test
    void aParkedEventKeepsItsRecordByteForByteAndItsOrigin() {
        ParkedEvent event = event("e-1", "no SIS id", ALICE);

        parked.park(List.of(event));

        assertThat(parked.list(10)).singleElement().satisfies(found -> {
            assertThat(found.record().value()).isEqualTo(event.payload());
            assertThat(found.record().origin()).isEqualTo("kafka:credbridge.learning-events.v1/3/42");
            assertThat(found.key()).isEqualTo(ALICE.value());
            assertThat(found.source()).isEqualTo("xapi");
            assertThat(found.parkedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void parkingRunsInTheCallersTransactionSoARollbackParksNothing() {
        transactions.executeWithoutResult(status -> {
            parked.park(List.of(event("e-1", "no SIS id", ALICE)));
            status.setRollbackOnly();
        });

        assertThat(parked.count()).isZero();
        assertThat(meters.counter("credbridge.identity.events.parked").count()).isZero();
    }

    @Test
    void matchingFindsTheParkedEventsCarryingAnyOfTheIdentifiersAndNoOther() {
        parked.park(List.of(
                event("e-alice-1", "r", ALICE, ALICE_MBOX),
                event("e-alice-2", "r", ALICE_MBOX),
                event("e-bob", "r", BOB, BOB_MBOX),
                event("e-cross", "r", new LearnerMappingKey("mbox", "", "alice"))));

        assertThat(parked.matching(List.of(ALICE_MBOX)))
                .extracting(ParkedEvent::eventId)
                .containsExactlyInAnyOrder("e-alice-1", "e-alice-2");
        assertThat(parked.matching(List.of(ALICE, BOB_MBOX)))
                .as("a key is matched whole: (mbox, '', alice) shares parts with both keys but is neither")
                .extracting(ParkedEvent::eventId)
                .containsExactlyInAnyOrder("e-alice-1", "e-bob");
        assertThat(parked.matching(List.of())).isEmpty();
    }

    @Test
    void removedEventsAreNoLongerParkedNorMatched() {
        parked.park(List.of(event("e-1", "r", ALICE), event("e-2", "r", ALICE), event("e-3", "r", BOB)));

        transactions.executeWithoutResult(status -> parked.remove(List.of("e-1", "e-3", "e-unknown")));

        assertThat(parked.count()).isEqualTo(1);
        assertThat(parked.matching(List.of(ALICE, BOB)))
                .extracting(ParkedEvent::eventId)
                .containsExactly("e-2");
    }

    @Test
    void theListShowsTheLongestParkedFirstUpToTheLimit() {
        parked.park(List.of(
                event("e-b", "r", NOW.plusSeconds(2), ALICE),
                event("e-a", "r", NOW.plusSeconds(3), ALICE),
                event("e-c", "r", NOW.plusSeconds(1), ALICE)));

        assertThat(parked.list(2)).extracting(ParkedEvent::eventId).containsExactly("e-c", "e-b");
        assertThat(parked.page(null, 2)).extracting(ParkedEvent::eventId).containsExactly("e-a", "e-b");
        assertThat(parked.page("e-b", 2)).extracting(ParkedEvent::eventId).containsExactly("e-c");
    }

    @Test
    void anIdentifierTooLongForAMappingIsNotKeptSinceNoMappingCouldMatchIt() {
        LearnerMappingKey huge = new LearnerMappingKey("account", HOME, "x".repeat(LearnerMappingKey.MAX_LENGTH + 1));

        parked.park(List.of(event("e-1", "r", huge, ALICE)));

        assertThat(parked.list(1))
                .singleElement()
                .satisfies(event -> assertThat(event.identifiers()).containsExactly(ALICE));
    }

    static LearnerMapping learner(LearnerMappingKey key, String sisPersonId, String by) {
        return new LearnerMapping(key, sisPersonId, NOW, by);
    }

    static ParkedEvent event(String eventId, String reason, LearnerMappingKey... identifiers) {
        return event(eventId, reason, NOW, identifiers);
    }

    static ParkedEvent event(String eventId, String reason, Instant at, LearnerMappingKey... identifiers) {
        return ParkedEventFixtures.parkedEvent(eventId, reason, at, identifiers);
    }
}
