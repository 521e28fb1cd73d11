package io.credbridge.award;

import static io.credbridge.award.CredentialEvaluatorTest.definition;
import static io.credbridge.award.LearningEvents.completed;
import static io.credbridge.award.LearningEvents.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.catalog.AllOf;
import io.credbridge.catalog.AnyOf;
import io.credbridge.catalog.AssessmentScore;
import io.credbridge.catalog.AtLeast;
import io.credbridge.catalog.AttemptRule;
import io.credbridge.catalog.CourseCompleted;
import io.credbridge.catalog.CredentialCatalog;
import io.credbridge.catalog.CredentialDefinition;
import io.credbridge.catalog.CredentialHeld;
import io.credbridge.catalog.Criterion;
import io.credbridge.catalog.Definitions;
import io.credbridge.catalog.ScoreOperator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The same events, in any order, repeated, with regrades and voids, end in the same credentials for the learner;
 * and every credential's history alternates issued and revoked, ending where the learner's holdings end.
 */
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
            definition("latest-exam", latest(0.6)),
            Definitions.keptOnRegression(definition("latest-exam-kept", latest(0.8))),
            definition(
                    "low-first-try",
                    new AssessmentScore(EXAM, null, 0.3, ScoreOperator.AT_MOST, null, AttemptRule.FIRST, null, null)),
            definition(
                    "two-of-four",
                    new AtLeast(
                            2,
                            COURSES.stream()
                                    .map(course -> (Criterion) new CourseCompleted(course))
                                    .toList())),
            definition(
                    "sprint",
                    new AllOf(List.of(new CourseCompleted(COURSES.get(2)), new CourseCompleted(COURSES.get(3))), 3)),
            definition("certificate", new CredentialHeld("badge-a"), new CredentialHeld("badge-b")),
            definition("diploma", new CredentialHeld("certificate"), new CredentialHeld("latest-exam"))));

    static final Instant NOW = T0.plus(java.time.Duration.ofDays(30));

    private static AssessmentScore latest(double threshold) {
        return new AssessmentScore(EXAM, null, threshold, null, null, AttemptRule.LATEST, null, null);
    }

    @Property(tries = 400)
    void anyArrivalOrderWithRepeatsEndsInTheSameCredentials(
            @ForAll("eventSets") List<LearningEvent> events, @ForAll long seed) {
        List<LearningEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        shuffled.addAll(shuffled.subList(0, shuffled.size() / 3)); // redeliveries

        Set<String> reference = withoutKeptOnVoid(heldByReference(events), events);
        assertThat(withoutKeptOnVoid(arrive(shuffled).held(), events)).isEqualTo(reference);
        assertThat(withoutKeptOnVoid(arrive(events).held(), events)).isEqualTo(reference);
    }

    /**
     * The one documented dependence on order: under {@code onRegression: keep}, a void that arrives after the award
     * leaves it (the definition's policy), while one that arrives before its event prevents it. Every other
     * credential, and this one whenever no exam event is voided, ends alike in every order.
     */
    private static Set<String> withoutKeptOnVoid(Set<String> held, List<LearningEvent> events) {
        boolean examVoided = events.stream()
                .anyMatch(event -> event.getType() == LearningEventType.VOIDED
                        && event.getObjectId().startsWith("s-"));
        Set<String> compared = new TreeSet<>(held);
        if (examVoided) {
            compared.remove("latest-exam-kept");
        }
        return compared;
    }

    @Property(tries = 400)
    void everyCredentialsHistoryAlternatesIssuedAndRevokedAndEndsWhereTheLearnerStands(
            @ForAll("eventSets") List<LearningEvent> events, @ForAll long seed) {
        List<LearningEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));

        Arrival arrival = arrive(shuffled);

        Map<String, Boolean> holding = new HashMap<>();
        for (AwardEffect effect : arrival.effects()) {
            if (effect instanceof AwardEffect.Issued issued) {
                String credential = issued.award().credential().id();
                assertThat(holding.put(credential, true))
                        .as("issued twice: " + credential)
                        .isNotEqualTo(true);
            } else {
                String credential = ((AwardEffect.Revoked) effect).revocation().credentialId();
                assertThat(holding.put(credential, false))
                        .as("revoked unheld: " + credential)
                        .isTrue();
            }
        }
        Set<String> lastIssued = holding.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(lastIssued).isEqualTo(arrival.held());
    }

    /**
     * The reference, computed without the evaluator's event-by-event path: every fact no void withdrew, then every
     * credential whose criteria hold over them, until nothing more qualifies.
     */
    private static Set<String> heldByReference(List<LearningEvent> events) {
        Set<String> voided = events.stream()
                .filter(event -> event.getType() == LearningEventType.VOIDED)
                .map(LearningEvent::getObjectId)
                .collect(Collectors.toSet());
        LearnerProgress all = new LearnerProgress("alice");
        events.stream()
                .filter(event -> !voided.contains(event.getEventId()))
                .forEach(event -> LearnerFact.of(event, "alice").ifPresent(all::record));
        CredentialEvaluator evaluator = new CredentialEvaluator(CATALOG, Clock.fixed(NOW, ZoneOffset.UTC));
        Set<String> held = new TreeSet<>();
        boolean earnedMore = true;
        while (earnedMore) {
            earnedMore = false;
            for (CredentialDefinition definition : CATALOG.definitions()) {
                if (!held.contains(definition.id())) {
                    var evidence = evaluator.qualification(definition, all, NOW);
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
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 10_000);
        Arbitrary<LearningEvent> completion = Combinators.combine(Arbitraries.of(COURSES), minute)
                .as((course, at) ->
                        completed("c-" + course.hashCode() + "-" + at, "alice", course, T0.plusSeconds(60L * at)));
        Arbitrary<LearningEvent> score = Combinators.combine(
                        Arbitraries.doubles().between(0, 1).ofScale(1),
                        minute,
                        Arbitraries.of("attempt-1", "attempt-2").injectNull(0.6))
                .as((scaled, at, attempt) -> LearningEvent.newBuilder(
                                scored("s-" + scaled + "-" + at + "-" + attempt, "alice", EXAM, scaled, at(at)))
                        .setAttemptId(attempt)
                        .build());
        return Arbitraries.oneOf(completion, score)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .flatMap(events ->
                        Arbitraries.of(events).list().ofMaxSize(3).map(targets -> withVoids(events, targets)));
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private static List<LearningEvent> withVoids(List<LearningEvent> events, List<LearningEvent> targets) {
        List<LearningEvent> all = new ArrayList<>(events);
        new TreeSet<>(targets.stream().map(LearningEvent::getEventId).toList())
                .forEach(target -> all.add(LearningEvent.newBuilder(completed("void-" + target, "admin", EXAM, T0))
                        .setType(LearningEventType.VOIDED)
                        .setObjectId(target)
                        .setCourseIds(List.of())
                        .build()));
        return all;
    }

    /** Applies the events as the award stage does: once each, a void before its event making the event a no-op. */
    private static Arrival arrive(List<LearningEvent> events) {
        CredentialEvaluator evaluator = new CredentialEvaluator(CATALOG, Clock.fixed(NOW, ZoneOffset.UTC));
        LearnerProgress alice = new LearnerProgress("alice");
        Set<String> processed = new HashSet<>();
        List<AwardEffect> effects = new ArrayList<>();
        for (LearningEvent event : events) {
            if (!processed.add(event.getEventId())) {
                continue;
            }
            if (event.getType() == LearningEventType.VOIDED) {
                if (!processed.add(event.getObjectId())) {
                    effects.addAll(evaluator.withdraw(event.getObjectId(), event, alice));
                }
            } else {
                effects.addAll(evaluator.apply(event, alice).effects());
            }
        }
        Set<String> held = CATALOG.definitions().stream()
                .map(CredentialDefinition::id)
                .filter(alice::holdsActive)
                .collect(Collectors.toCollection(TreeSet::new));
        return new Arrival(held, effects);
    }

    private record Arrival(Set<String> held, List<AwardEffect> effects) {}
}
