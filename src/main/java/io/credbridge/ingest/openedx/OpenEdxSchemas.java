package io.credbridge.ingest.openedx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The Avro schemas of the events CredBridge acts on, as openedx-events defines them (shipped in {@code
 * openedx/schema/}, see its SOURCE.md): the schema each record is read into, and the one it was written with when no
 * schema registry is configured.
 */
final class OpenEdxSchemas {

    static final String PASSING_STATUS_UPDATED = "org.openedx.learning.course.passing.status.updated.v1";
    static final String CERTIFICATE_CREATED = "org.openedx.learning.certificate.created.v1";
    static final String CERTIFICATE_REVOKED = "org.openedx.learning.certificate.revoked.v1";

    private final Map<String, Schema> shipped;

    private OpenEdxSchemas(Map<String, Schema> shipped) {
        this.shipped = Map.copyOf(shipped);
    }

    static OpenEdxSchemas shipped() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String type : List.of(PASSING_STATUS_UPDATED, CERTIFICATE_CREATED, CERTIFICATE_REVOKED)) {
            String resource = "/openedx/schema/" + type + ".avsc";
            try (InputStream in = OpenEdxSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped schema " + resource + " is missing from the build");
                }
                schemas.put(type, new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new OpenEdxSchemas(schemas);
    }

    /** The schema of an event type CredBridge acts on; empty for every other type. */
    Optional<Schema> of(String eventType) {
        return Optional.ofNullable(shipped.get(eventType));
    }

    /** The record name event-bus-kafka writes an event type's value under. */
    static String recordName(String eventType) {
        return eventType + ".CloudEvent";
    }
}
