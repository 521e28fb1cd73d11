package io.credbridge.identity;

import io.credbridge.avro.LearnerIdentifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one place the award stage asks who an event's learner is: the key awards are recorded under and, when
 * known, the SIS person id. The mapping table is asked first, then the SIS lookup port when an adapter provides
 * one (its answers cached). Identifiers are tried in the order of {@code credbridge.identity.accepted-schemes},
 * then the rest in the event's order, so a mapping of the preferred identifier wins over another.
 */
@Component
public class LearnerIdentities {

    private static final Logger log = LoggerFactory.getLogger(LearnerIdentities.class);

    private final LearnerIdentityResolver lmsKeys;
    private final List<String> acceptedSchemes;
    private final boolean requireSisId;
    private final MappedPersons table;
    private final SisPersonLookup port;

    @Autowired
    public LearnerIdentities(
            IdentityProperties properties,
            LearnerIdentityResolver lmsKeys,
            IdentityMappings mappings,
            ObjectProvider<SisPersonLookup> ports,
            Clock clock) {
        this(
                properties,
                lmsKeys,
                mappings::sisPersonIds,
                Optional.ofNullable(ports.getIfUnique())
                        .map(port ->
                                (SisPersonLookup) new CachedSisPersonLookup(port, properties.sisLookupCache(), clock))
                        .orElse(null));
    }

    /** @param port the SIS lookup, already cached, or null when there is none */
    LearnerIdentities(
            IdentityProperties properties, LearnerIdentityResolver lmsKeys, MappedPersons table, SisPersonLookup port) {
        this.lmsKeys = lmsKeys;
        this.acceptedSchemes = List.copyOf(properties.acceptedSchemes());
        this.requireSisId = properties.requireSisId();
        this.table = table;
        this.port = port;
    }

    /** The mapping table's side of the lookup: every key that has a mapping, with its SIS person id. */
    @FunctionalInterface
    interface MappedPersons {
        Map<LearnerMappingKey, String> sisPersonIds(Collection<LearnerMappingKey> keys);
    }

    /** What the award stage does with an event, decided by who its learner is. */
    public sealed interface Resolution {

        /**
         * Use the event.
         *
         * @param learnerKey the id awards are recorded under: the SIS person id when {@code require-sis-id} is on,
         *     else the first accepted LMS identifier
         * @param sisPersonId the learner's SIS person id, or null when none is known
         */
        record Resolved(String learnerKey, String sisPersonId) implements Resolution {}

        /** Park the event: a SIS person id is required and none is known yet; a mapping will release it. */
        record Unmapped(String reason) implements Resolution {}

        /** Dead-letter the event: no identifier it carries can ever name the learner. */
        record Unresolvable(String reason) implements Resolution {}
    }

    public Resolution resolve(List<LearnerIdentifier> identifiers) {
        return resolveAll(List.of(identifiers)).get(0);
    }

    /**
     * Resolves a batch's learners with one query of the mapping table (per few hundred identifiers) instead of one
     * per event.
     *
     * @return one resolution per identifier list, in the same order
     */
    public List<Resolution> resolveAll(List<List<LearnerIdentifier>> learners) {
        List<List<LearnerMappingKey>> candidates =
                learners.stream().map(this::candidates).toList();
        Set<LearnerMappingKey> all = new LinkedHashSet<>();
        candidates.forEach(all::addAll);
        Map<LearnerMappingKey, String> mapped = all.isEmpty() ? Map.of() : table.sisPersonIds(all);
        List<Resolution> resolutions = new ArrayList<>(learners.size());
        for (int i = 0; i < learners.size(); i++) {
            resolutions.add(resolve(learners.get(i), candidates.get(i), mapped));
        }
        return resolutions;
    }

    private Resolution resolve(
            List<LearnerIdentifier> identifiers,
            List<LearnerMappingKey> candidates,
            Map<LearnerMappingKey, String> mapped) {
        Optional<String> lmsKey = lmsKeys.resolve(identifiers);
        if (identifiers.isEmpty() || (!requireSisId && lmsKey.isEmpty())) {
            return new Resolution.Unresolvable(lmsKeys.whyUnresolved(identifiers));
        }
        if (candidates.isEmpty()) {
            return new Resolution.Unresolvable("every learner identifier the event carries is blank");
        }
        Lookup sisPersonId = sisPersonIdOf(candidates, mapped);
        if (!requireSisId) {
            return new Resolution.Resolved(lmsKey.get(), sisPersonId.found());
        }
        if (sisPersonId.found() != null) {
            return new Resolution.Resolved(sisPersonId.found(), sisPersonId.found());
        }
        return new Resolution.Unmapped("no SIS person id is known for the learner ("
                + candidates.stream().map(LearnerMappingKey::scheme).distinct().toList()
                + (sisPersonId.failure() == null ? "" : "; the SIS lookup failed: " + sisPersonId.failure())
                + ") and credbridge.identity.require-sis-id is true: the event waits until a mapping for one of"
                + " its identifiers is stored (POST /api/identity/mappings)");
    }

    private Lookup sisPersonIdOf(List<LearnerMappingKey> candidates, Map<LearnerMappingKey, String> mapped) {
        for (LearnerMappingKey key : candidates) {
            if (mapped.containsKey(key)) {
                return new Lookup(mapped.get(key), null);
            }
        }
        if (port == null) {
            return new Lookup(null, null);
        }
        for (LearnerMappingKey key : candidates) {
            try {
                Optional<String> found = port.sisPersonIdFor(key.toIdentifier());
                if (found.isPresent()) {
                    return new Lookup(found.get(), null);
                }
            } catch (RuntimeException e) {
                // The identifier itself stays out of the log: it is personal data.
                log.warn("The SIS person lookup failed for a {} identifier; treating it as unknown", key.scheme(), e);
                return new Lookup(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return new Lookup(null, null);
    }

    /** Non-blank identifiers in the order they are tried: accepted schemes by preference, then the others. */
    private List<LearnerMappingKey> candidates(List<LearnerIdentifier> identifiers) {
        // Loops, not streams: every event of every batch is resolved.
        Set<LearnerMappingKey> ordered = new LinkedHashSet<>();
        for (String scheme : acceptedSchemes) {
            for (LearnerIdentifier identifier : identifiers) {
                if (scheme.equals(identifier.getScheme())) {
                    ordered.add(LearnerMappingKey.of(identifier));
                }
            }
        }
        for (LearnerIdentifier identifier : identifiers) {
            ordered.add(LearnerMappingKey.of(identifier));
        }
        List<LearnerMappingKey> candidates = new ArrayList<>(ordered.size());
        for (LearnerMappingKey key : ordered) {
            if (!key.value().isBlank()) {
                candidates.add(key);
            }
        }
        return candidates;
    }

    /** @param failure why the SIS could not be asked, or null */
    private record Lookup(String found, String failure) {}
}
