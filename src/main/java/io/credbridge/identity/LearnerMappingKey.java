package io.credbridge.identity;

import io.credbridge.avro.LearnerIdentifier;
import java.util.Locale;
import java.util.Objects;

/**
 * A learner identifier as mappings and parked events are keyed by it, in one canonical form whether it came from
 * an event, a CSV line or the API: {@code namespace} is {@code ""} for the global schemes, an mbox has no {@code
 * mailto:} prefix (ingest strips it too) and an mbox_sha1sum is lower-case hex.
 *
 * @param scheme {@code account}, {@code mbox}, {@code mbox_sha1sum} or {@code openid}
 * @param namespace where the value is unique, e.g. an account's homePage; {@code ""} when the scheme is global
 * @param value the identifier itself
 */
public record LearnerMappingKey(String scheme, String namespace, String value) {

    /** The longest namespace or value a mapping can hold (the table's limit). */
    public static final int MAX_LENGTH = 512;

    private static final String MAILTO = "mailto:";

    public LearnerMappingKey {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
        namespace = namespace == null ? "" : namespace;
        if (scheme.equals("mbox") && value.regionMatches(true, 0, MAILTO, 0, MAILTO.length())) {
            value = value.substring(MAILTO.length());
        }
        if (scheme.equals("mbox_sha1sum")) {
            value = value.toLowerCase(Locale.ROOT);
        }
    }

    public static LearnerMappingKey of(LearnerIdentifier identifier) {
        return new LearnerMappingKey(identifier.getScheme(), identifier.getNamespace(), identifier.getValue());
    }

    public LearnerIdentifier toIdentifier() {
        return new LearnerIdentifier(scheme, value, namespace.isEmpty() ? null : namespace);
    }

    /** Whether the mapping table can hold it; a longer identifier can never have a mapping. */
    boolean storable() {
        return !value.isBlank() && value.length() <= MAX_LENGTH && namespace.length() <= MAX_LENGTH;
    }
}
