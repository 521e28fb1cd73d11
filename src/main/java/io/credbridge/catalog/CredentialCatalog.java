package io.credbridge.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials CredBridge can award, indexed for the questions the award stage asks of every event: which
 * credentials have a requirement on its activity, and which credentials stack on a credential just earned or
 * ended. The cost of an event grows with the definitions it can affect, not with the catalog.
 */
public final class CredentialCatalog {

    private final Map<String, CredentialDefinition> byId = new LinkedHashMap<>();
    private final Map<String, List<CredentialDefinition>> credentialsByActivity = new LinkedHashMap<>();
    private final Map<String, List<CredentialDefinition>> credentialsByHeldCredential = new LinkedHashMap<>();

    private final List<String> warnings;

    private final Map<String, CredentialDefinition> byIdAndVersion = new LinkedHashMap<>();
    private final Map<String, Set<String>> activitiesJudgedWith = new ConcurrentHashMap<>();

    private CredentialCatalog(List<CredentialDefinition> definitions, List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        for (CredentialDefinition definition : definitions) {
            byIdAndVersion.put(definition.id() + "/" + definition.version(), definition);
            byId.merge(definition.id(), definition, (kept, other) -> other.version() > kept.version() ? other : kept);
        }
        for (CredentialDefinition definition : byId.values()) {
            if (definition.retired()) {
                continue; // no new awards: nothing an event or another award does can lead to it
            }
            definition
                    .allCriteria()
                    .requirements()
                    .map(Requirement::activityId)
                    .distinct()
                    .forEach(activity -> credentialsByActivity
                            .computeIfAbsent(activity, id -> new ArrayList<>())
                            .add(definition));
            definition
                    .allCriteria()
                    .credentialsHeld()
                    .distinct()
                    .forEach(held -> credentialsByHeldCredential
                            .computeIfAbsent(held, id -> new ArrayList<>())
                            .add(definition));
        }
    }

    public static CredentialCatalog of(List<CredentialDefinition> definitions) {
        return new CredentialCatalog(definitions, List.of());
    }

    static CredentialCatalog of(List<CredentialDefinition> definitions, List<String> warnings) {
        return new CredentialCatalog(definitions, warnings);
    }

    /** What the loader found worth telling but not worth refusing, e.g. missing EU micro-credential elements. */
    public List<String> warnings() {
        return warnings;
    }

    public List<CredentialDefinition> definitions() {
        return List.copyOf(byId.values());
    }

    /** The current definition of the credential: its highest version, the one new awards are made under. */
    public Optional<CredentialDefinition> find(String credentialId) {
        return Optional.ofNullable(byId.get(credentialId));
    }

    /** The definition an award was made under, while the catalog still holds that version. */
    public Optional<CredentialDefinition> find(String credentialId, int version) {
        return Optional.ofNullable(byIdAndVersion.get(credentialId + "/" + version));
    }

    /**
     * The credentials (current versions, not retired) with a requirement on the activity: the ones a learner's new
     * or withdrawn fact on it can award or revoke.
     */
    /** Whether a requirement names a course by its SIS course code: then completions need their course mapped. */
    public boolean namesSisCourses() {
        return credentialsByActivity.keySet().stream().anyMatch(id -> id.startsWith(CourseCompleted.SIS_COURSE));
    }

    public List<CredentialDefinition> credentialsListeningTo(String activityId) {
        return List.copyOf(credentialsByActivity.getOrDefault(activityId, List.of()));
    }

    /** The credentials whose criteria include holding {@code credentialId}: what to evaluate after awarding it. */
    public List<CredentialDefinition> credentialsStackedOn(String credentialId) {
        return List.copyOf(credentialsByHeldCredential.getOrDefault(credentialId, List.of()));
    }

    /**
     * The activities whose facts judging a new or withdrawn fact on this activity can read: the activity itself and
     * the requirements of every credential listening to it and of every credential stacked on those, however deep
     * (awarding one judges what stacks on it; revoking one, what stacked on it). Kept per activity a credential
     * listens to, which the catalog bounds; any other activity is only itself.
     */
    public Set<String> activitiesJudgedWith(String activityId) {
        if (!credentialsByActivity.containsKey(activityId)) {
            return Set.of(activityId);
        }
        return activitiesJudgedWith.computeIfAbsent(activityId, this::judgedWith);
    }

    private Set<String> judgedWith(String activityId) {
        Set<String> activities = new HashSet<>(List.of(activityId));
        Set<String> judged = new HashSet<>();
        Deque<CredentialDefinition> credentials = new ArrayDeque<>(credentialsListeningTo(activityId));
        while (!credentials.isEmpty()) {
            CredentialDefinition credential = credentials.poll();
            if (judged.add(credential.id())) {
                credential
                        .allCriteria()
                        .requirements()
                        .forEach(requirement -> activities.add(requirement.activityId()));
                credentials.addAll(credentialsStackedOn(credential.id()));
            }
        }
        return Set.copyOf(activities);
    }
}
