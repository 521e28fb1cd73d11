package io.credbridge.award;

import static io.credbridge.award.CredentialEvaluatorTest.definition;
import static io.credbridge.award.LearningEvents.completed;
import static io.credbridge.award.LearningEvents.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearningEvent;
import io.credbridge.catalog.AnyOf;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.AtLeast;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.Criterion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The same events, in any order and with repeats, end in the same credentials for the learner. */
class ArrivalOrderTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final List<String> COURSES = List.of(
            "https://lms.example.edu/courses/a", "https://lms.example.edu/courses/b",
            "https://lms.example.edu/courses/c", "https://lms.example.edu/courses/d");
    static final String EXAM = "https://lms.example.edu/assessments/exam";

    static final CredentialCatalog CATALOG = CredentialCatalog.of(List.of(
            definition("badge-a", new CourseCompleted(COURSES.get(0))),
            definition(
                    "badge-b",
                    new AnyOf(List.of(new CourseCompleted(COURSES.get(1)), new CourseCompleted(COURSES.get(2))))),
            definition("exam", new AssessmentScore(EXAM, 0.7)),
            definition(
                    "two-of-four",
                    new AtLeast(
                            2,
                            COURSES.stream()
                                    .map(course -> (Criterion) new CourseCompleted(course))
                                    .toList())),
            definition("certificate", new CredentialHeld("badge-a"), new CredentialHeld("badge-b")),
            definition("diploma", new CredentialHeld("certificate"), new CredentialHeld("exam"))));

    @Property(tries = 300)
    void anyArrivalOrderWithRepeatsEndsInTheSameCredentials(
            @ForAll("eventSets") List<LearningEvent> events, @ForAll long seed) {
        List<LearningEvent> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(0, events.size() / 2)); // redelivered events
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(credentialsAfter(shuffled)).isEqualTo(credentialsAfter(events));
    }

    @Property(tries = 100)
    void everyCredentialIsAwardedAtMostOnce(@ForAll("eventSets") List<LearningEvent> events, @ForAll long seed) {
        List<LearningEvent> twice = new ArrayList<>(events);
        twice.addAll(events);
        Collections.shuffle(twice, new Random(seed));

        List<String> awarded = awardsAfter(twice);

        assertThat(awarded).doesNotHaveDuplicates();
    }

    @Property(tries = 300)
    void theCredentialsAreExactlyThoseTheCriteriaGiveForAllTheEvents(
            @ForAll("eventSets") List<LearningEvent> events, @ForAll long seed) {
        List<LearningEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(credentialsAfter(shuffled)).isEqualTo(heldAtTheEnd(events));
    }

    /** The reference: every requirement the events meet, then every credential until nothing more is earned. */
    private static Set<String> heldAtTheEnd(List<LearningEvent> events) {
        LearnerProgress all = new LearnerProgress("alice");
        for (LearningEvent event : events) {
            CATALOG.requirementsMetBy(event)
                    .forEach(requirement -> all.record(
                            new MetRequirement("alice", requirement.key(), event.getEventId(), event.getOccurredAt())));
        }
        Set<String> held = new TreeSet<>();
        boolean earnedMore = true;
        while (earnedMore) {
            earnedMore = false;
            for (var definition : CATALOG.definitions()) {
                if (!held.contains(definition.id())) {
                    var evidence = CriteriaEvaluation.evaluate(definition.allCriteria(), all, T0);
                    if (evidence.isPresent()) {
                        all.hold(definition.id(), HeldAward.of("award-" + definition.id(), evidence.get()));
                        held.add(definition.id());
                        earnedMore = true;
                    }
                }
            }
        }
        return held;
    }

    @Provide
    Arbitrary<List<LearningEvent>> eventSets() {
        Arbitrary<LearningEvent> completion = Combinators.combine(
                        Arbitraries.of(COURSES), Arbitraries.integers().between(0, 1000))
                .as((course, minute) -> completed(
                        "c-" + course.hashCode() + "-" + minute, "alice", course, T0.plusSeconds(60L * minute)));
        Arbitrary<LearningEvent> score = Combinators.combine(
                        Arbitraries.doubles().between(0, 1).ofScale(2),
                        Arbitraries.integers().between(0, 1000))
                .as((scaled, minute) ->
                        scored("s-" + scaled + "-" + minute, "alice", EXAM, scaled, T0.plusSeconds(60L * minute)));
        return Arbitraries.oneOf(completion, score).list().ofMinSize(1).ofMaxSize(12);
    }

    private static Set<String> credentialsAfter(List<LearningEvent> events) {
        return new TreeSet<>(awardsAfter(events));
    }

    private static List<String> awardsAfter(List<LearningEvent> events) {
        CredentialEvaluator evaluator =
                new CredentialEvaluator(CATALOG, Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC));
        LearnerProgress alice = new LearnerProgress("alice");
        List<String> awarded = new ArrayList<>();
        for (LearningEvent event : events) {
            evaluator
                    .apply(event, alice)
                    .awards()
                    .forEach(award -> awarded.add(award.credential().id()));
        }
        return awarded;
    }
}
