package io.credbridge.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The checks that need more than one field or more than one definition: an {@code at-least} that asks for
 * more criteria than it lists, a {@code credential-held} naming no credential in the catalog, and credentials
 * that stack on each other in a cycle (none of them could ever be earned).
 */
final class CatalogStructure {

    /** A definition and the file it came from, for problem reports. */
    record Located(CredentialDefinition definition, String file) {}

    private CatalogStructure() {}

    /**
     * @param located the definitions that passed field validation
     * @param knownIds every credential id the catalog defines, including ones refused for other problems
     */
    static List<String> problems(List<Located> located, Set<String> knownIds) {
        // Cycles matter among the current (highest) versions: only they earn new awards.
        Map<String, Located> byId = new LinkedHashMap<>();
        located.forEach(each -> byId.merge(
                each.definition().id(),
                each,
                (kept, other) ->
                        other.definition().version() > kept.definition().version() ? other : kept));
        List<String> problems = new ArrayList<>();
        for (Located each : located) {
            Validity validity = each.definition().validity();
            if (validity != null) {
                validity.problem().ifPresent(problem -> problems.add(prefix(each) + "field 'validity' " + problem));
            }
            walk(each.definition(), (criterion, path) -> {
                if (criterion instanceof AtLeast atLeast
                        && atLeast.count() > atLeast.criteria().size()) {
                    problems.add(prefix(each) + "field '" + path + ".count' asks for " + atLeast.count()
                            + " criteria but lists only " + atLeast.criteria().size());
                }
                if (criterion instanceof CourseCompleted course
                        && (course.course() == null) == (course.sisCourse() == null)) {
                    problems.add(prefix(each) + "field '" + path + "' must name the course by 'course' (the LMS"
                            + " course's IRI) or by 'sisCourse' (its SIS course code), one of the two");
                }
                if (criterion instanceof AssessmentScore score) {
                    threshold(score).ifPresent(problem -> problems.add(prefix(each) + "field '" + path + problem));
                }
                if (criterion instanceof Requirement requirement && requirement.window() != null) {
                    requirement
                            .window()
                            .problem()
                            .ifPresent(
                                    problem -> problems.add(prefix(each) + "field '" + path + ".window' " + problem));
                }
                if (criterion instanceof CredentialHeld held && !knownIds.contains(held.credential())) {
                    problems.add(prefix(each) + "field '" + path + ".credential' names no credential in the catalog"
                            + " (was '" + held.credential() + "')");
                }
            });
        }
        cycles(byId)
                .forEach(cycle -> problems.add(prefix(byId.get(cycle.get(0))) + "credentials stack on each"
                        + " other in a cycle, so none of them can be earned: " + String.join(" -> ", cycle)));
        return problems;
    }

    /** What is wrong with the threshold, after the field's path: given once, and on its scale. */
    private static Optional<String> threshold(AssessmentScore score) {
        if ((score.score() == null) == (score.minScore() == null)) {
            return Optional.of(
                    score.score() == null
                            ? "' must give the threshold as 'score' (e.g. score: 0.8, or score: 40 with scale: raw)"
                            : "' gives both 'score' and 'minScore'; keep 'score'");
        }
        if (score.score() != null
                && score.scale() == ScoreScale.SCALED
                && (score.score() < 0 || score.score() > 1 || score.score().isNaN())) {
            return Optional.of(".score' must be a scaled score between 0 and 1 (was " + score.score()
                    + "); for points on the assessment's own scale add scale: raw");
        }
        if (score.score() != null && (score.score().isNaN() || score.score().isInfinite())) {
            return Optional.of(".score' must be a number (was " + score.score() + ")");
        }
        if (score.minScore() != null && score.scale() == ScoreScale.RAW) {
            return Optional.of(".minScore' is a scaled score; with scale: raw give the threshold as 'score'");
        }
        return Optional.empty();
    }

    private static String prefix(Located each) {
        return each.file() + ": credential '" + each.definition().id() + "': ";
    }

    static void walk(CredentialDefinition definition, BiConsumer<Criterion, String> visitor) {
        for (int i = 0; i < definition.criteria().size(); i++) {
            walk(definition.criteria().get(i), "criteria[" + i + "]", visitor);
        }
    }

    private static void walk(Criterion criterion, String path, BiConsumer<Criterion, String> visitor) {
        visitor.accept(criterion, path);
        if (criterion instanceof CriteriaGroup group) {
            for (int i = 0; i < group.criteria().size(); i++) {
                walk(group.criteria().get(i), path + ".criteria[" + i + "]", visitor);
            }
        }
    }

    /** Each cycle once, starting and ending at its first credential in catalog order, e.g. [a, b, a]. */
    private static List<List<String>> cycles(Map<String, Located> byId) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        byId.forEach((id, each) -> edges.put(
                id,
                each.definition()
                        .allCriteria()
                        .credentialsHeld()
                        .filter(byId::containsKey)
                        .distinct()
                        .toList()));
        List<List<String>> cycles = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        Set<String> finished = new HashSet<>();
        for (String start : edges.keySet()) {
            visit(start, new ArrayList<>(), edges, finished, cycle -> {
                String members = cycle.stream().sorted().collect(Collectors.joining(","));
                if (reported.add(members)) {
                    cycles.add(cycle);
                }
            });
        }
        return cycles;
    }

    private static void visit(
            String id,
            List<String> path,
            Map<String, List<String>> edges,
            Set<String> finished,
            Consumer<List<String>> onCycle) {
        int seenAt = path.indexOf(id);
        if (seenAt >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seenAt, path.size()));
            cycle.add(id);
            onCycle.accept(cycle);
            return;
        }
        if (finished.contains(id)) {
            return;
        }
        path.add(id);
        for (String next : edges.getOrDefault(id, List.of())) {
            visit(next, path, edges, finished, onCycle);
        }
        path.remove(path.size() - 1);
        finished.add(id);
    }
}
