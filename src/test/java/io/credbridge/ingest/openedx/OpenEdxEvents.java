package io.credbridge.ingest.openedx;

import io.credbridge.testsupport.H2TestDatabase;
import io.credbridge.testsupport.MigratedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Open edX events as event-bus-kafka produces them: the data in Avro, in the Confluent wire format (magic byte 0, the
 * schema id, Avro binary), and the CloudEvent envelope as ce_* headers.
 */
public final class OpenEdxEvents {

    /** A certificate history with nothing in it, on an in-memory database with CredBridge's schema. */
    static CertificateHistory certificateHistory() {
        NamedParameterJdbcTemplate jdbc = Database.MIGRATED.jdbc();
        jdbc.getJdbcTemplate().update("delete from openedx_certificate_event");
        return new CertificateHistory(jdbc);
    }

    // Migrated once per JVM: migrating for every test instance would cost seconds each.
    private static final class Database {
        static final MigratedDatabase MIGRATED = MigratedDatabase.of(H2TestDatabase.newDataSource());
    }

    public static final String PASSING = OpenEdxSchemas.PASSING_STATUS_UPDATED;
    public static final String CERTIFICATE_CREATED = OpenEdxSchemas.CERTIFICATE_CREATED;
    public static final String CERTIFICATE_REVOKED = OpenEdxSchemas.CERTIFICATE_REVOKED;

    /** The shared corpus's copy of openedx-events' schemas, when ../shared is there. */
    public static final Path CORPUS =
            Path.of("..", "shared", "corpus", "openedx-events").toAbsolutePath().normalize();

    private OpenEdxEvents() {}

    /** The schema CredBridge ships for an event type. */
    public static Schema shipped(String eventType) {
        return OpenEdxSchemas.shipped().of(eventType).orElseThrow();
    }

    /** The corpus's schema file of an event type, e.g. org+openedx+learning+certificate+created+v1_schema.avsc. */
    public static Path corpusSchema(String eventType) {
        return CORPUS.resolve(eventType.replace('.', '+').replaceFirst("\\+v1$", "+v1_schema.avsc"));
    }

    public static Schema parse(Path schemaFile) {
        try {
            return new Schema.Parser().parse(Files.readString(schemaFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A learner as openedx-events names them. */
    public static GenericRecord user(Schema userSchema, long id, String username, String email) {
        GenericRecord pii = new GenericData.Record(userSchema.getField("pii").schema());
        pii.put("username", username);
        pii.put("email", email);
        pii.put("name", "Ada Lovelace");
        GenericRecord user = new GenericData.Record(userSchema);
        user.put("id", id);
        user.put("is_active", true);
        user.put("pii", pii);
        return user;
    }

    static GenericRecord course(Schema courseSchema, String courseKey) {
        GenericRecord course = new GenericData.Record(courseSchema);
        course.put("course_key", courseKey);
        course.put("display_name", "Demonstration Course");
        course.put("start", "2026-09-01T00:00:00+00:00");
        course.put("end", null);
        return course;
    }

    /** {@code course.passing.status.updated} data in {@code schema}. */
    public static GenericRecord passing(Schema schema, boolean isPassing, long userId, String username, String course) {
        Schema status = schema.getField("course_passing_status").schema();
        GenericRecord data = new GenericData.Record(status);
        data.put("is_passing", isPassing);
        data.put("course", course(status.getField("course").schema(), course));
        data.put("user", user(status.getField("user").schema(), userId, username, username + "@example.edu"));
        GenericRecord event = new GenericData.Record(schema);
        event.put("course_passing_status", data);
        return event;
    }

    /** {@code certificate.created} or {@code .revoked} data in {@code schema}. */
    public static GenericRecord certificate(Schema schema, String status, long userId, String username, String course) {
        Schema certificate = schema.getField("certificate").schema();
        GenericRecord data = new GenericData.Record(certificate);
        data.put("user", user(certificate.getField("user").schema(), userId, username, username + "@example.edu"));
        data.put("course", course(certificate.getField("course").schema(), course));
        data.put("mode", "verified");
        data.put("grade", "0.91");
        data.put("download_url", "https://courses.example.edu/certificates/" + UUID.randomUUID());
        data.put("name", "Ada Lovelace");
        data.put("current_status", status);
        data.put("previous_status", "notpassing");
        GenericRecord event = new GenericData.Record(schema);
        event.put("certificate", data);
        return event;
    }

    /** The record's value as event-bus-kafka's AvroSerializer writes it. */
    public static byte[] confluentWire(int schemaId, GenericRecord data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(data.getSchema()).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ce_* headers event-bus-kafka sets, as UTF-8 bytes. */
    public static Map<String, byte[]> headers(String eventType, String eventId, String time) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("ce_type", bytes(eventType));
        headers.put("ce_id", bytes(eventId));
        headers.put("ce_source", bytes("openedx/lms/web"));
        headers.put("ce_specversion", bytes("1.0"));
        headers.put("ce_time", bytes(time));
        headers.put("ce_minorversion", bytes("0"));
        headers.put("sourcehost", bytes("lms-1"));
        headers.put("sourcelib", bytes("11.2.0"));
        headers.put("content-type", bytes("application/avro"));
        return headers;
    }

    /** The record as CredBridge's consumer reads it. */
    static EventBusRecord record(Map<String, byte[]> headers, byte[] value) {
        Map<String, String> text = new LinkedHashMap<>();
        headers.forEach((name, bytes) -> text.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return new EventBusRecord("prod-learning-certificate-lifecycle", 0, 7, text, value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
