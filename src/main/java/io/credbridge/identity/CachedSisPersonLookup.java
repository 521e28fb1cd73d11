package io.credbridge.identity;

import io.credbridge.avro.LearnerIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the SIS person ids a {@link SisPersonLookup} found, at most {@code maxEntries} of them (the least
 * recently used go first) and each for {@code timeToLive}, so that a learner's every event does not cost a call to
 * the SIS. Misses are not remembered: a person created in the SIS is found at the next event. A few lines over
 * the JDK rather than a cache library, which CredBridge does not otherwise need.
 */
final class CachedSisPersonLookup implements SisPersonLookup {

    private final SisPersonLookup port;
    private final IdentityProperties.SisLookupCache settings;
    private final Clock clock;
    private final Map<LearnerMappingKey, Remembered> remembered;

    CachedSisPersonLookup(SisPersonLookup port, IdentityProperties.SisLookupCache settings, Clock clock) {
        this.port = port;
        this.settings = settings;
        this.clock = clock;
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<LearnerMappingKey, Remembered> eldest) {
                return size() > settings.maxEntries();
            }
        };
    }

    @Override
    public Optional<String> sisPersonIdFor(LearnerIdentifier identifier) {
        LearnerMappingKey key = LearnerMappingKey.of(identifier);
        Instant now = clock.instant();
        synchronized (remembered) {
            Remembered hit = remembered.get(key);
            if (hit != null && now.isBefore(hit.until())) {
                return Optional.of(hit.sisPersonId());
            }
            remembered.remove(key);
        }
        // The SIS is asked outside the lock: one slow answer must not hold up every other learner's lookup.
        Optional<String> found = port.sisPersonIdFor(identifier);
        found.ifPresent(sisPersonId -> {
            synchronized (remembered) {
                remembered.put(key, new Remembered(sisPersonId, now.plus(settings.timeToLive())));
            }
        });
        return found;
    }

    private record Remembered(String sisPersonId, Instant until) {}
}
