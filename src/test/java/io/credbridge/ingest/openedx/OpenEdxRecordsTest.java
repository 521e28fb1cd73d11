package io.credbridge.ingest.openedx;

import static io.credbridge.ingest.openedx.OpenEdxEvents.CERTIFICATE_CREATED;
import static io.credbridge.ingest.openedx.OpenEdxEvents.CERTIFICATE_REVOKED;
import static io.credbridge.ingest.openedx.OpenEdxEvents.PASSING;
import static io.credbridge.ingest.openedx.OpenEdxEvents.certificate;
import static io.credbridge.ingest.openedx.OpenEdxEvents.confluentWire;
import static io.credbridge.ingest.openedx.OpenEdxEvents.headers;
import static io.credbridge.ingest.openedx.OpenEdxEvents.passing;
import static io.credbridge.ingest.openedx.OpenEdxEvents.record;
import static io.credbridge.ingest.openedx.OpenEdxEvents.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class OpenEdxRecordsTest {

    static final String LMS = "https://courses.example.edu";
    static final String COURSE_KEY = "course-v1:DemoX+CS101+2026_T3";
    static final String COURSE = LMS + "/courses/" + COURSE_KEY;
    static final Instant NOW = Instant.parse("2026-11-30T09:00:05Z");
    static final String CE_ID = "0b5c7e4e-7a4b-11ef-9e0c-0242ac120002";
    static final String CE_TIME = "2026-11-30T09:00:00.123456+00:00";

    private final OpenEdxRecords reader = new OpenEdxRecords(
            new OpenEdxEventDecoder(OpenEdxSchemas.shipped(), null),
            new OpenEdxEventNormalizer(LMS, OpenEdxEvents.certificateHistory()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPassingStatusWrittenWithTheCorpusSchemaIsACourseCompletionUnderItsCeId() {
        Schema corpus = corpusSchema(PASSING);

        OpenEdxDelivery delivery = reader.read(record(
                headers(PASSING, CE_ID, CE_TIME), confluentWire(11, passing(corpus, true, 42, "ada", COURSE_KEY))));

        assertThat(delivery.isUnreadable()).isFalse();
        LearningEvent event = delivery.events().get(0);
        assertThat(event.getEventId()).isEqualTo(CE_ID);
        assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(event.getSource()).isEqualTo("openedx");
        assertThat(event.getSourceSystem()).isEqualTo("openedx/lms/web");
        assertThat(event.getObjectId()).isEqualTo(COURSE);
        assertThat(event.getCourseIds()).containsExactly(COURSE);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00.123Z"));
        assertThat(event.getReceivedAt()).isEqualTo(NOW);
        assertThat(event.getLearnerIds())
                .containsExactly(
                        new LearnerIdentifier("account", "ada", LMS),
                        new LearnerIdentifier("mbox", "mailto:ada@example.edu", null),
                        new LearnerIdentifier("account", "42", LMS + "/user-id"));
    }

    @Test
    void aStatusThatIsNotPassingIsIgnoredWithTheReason() {
        OpenEdxDelivery delivery = reader.read(record(
                headers(PASSING, CE_ID, CE_TIME),
                confluentWire(11, passing(shipped(PASSING), false, 42, "ada", COURSE_KEY))));

        assertThat(delivery.events()).isEmpty();
        assertThat(delivery.ignoredBecause()).isEqualTo("the learner is not passing the course " + COURSE);
    }

    @Test
    void aCertificateCreatedAndItsRevocationFromTheCorpusSchemasAreACompletionAndItsVoid() {
        OpenEdxDelivery created = reader.read(record(
                headers(CERTIFICATE_CREATED, "c-1", CE_TIME),
                confluentWire(
                        12, certificate(corpusSchema(CERTIFICATE_CREATED), "downloadable", 42, "ada", COURSE_KEY))));
        OpenEdxDelivery revoked = reader.read(record(
                headers(CERTIFICATE_REVOKED, "r-1", "2026-12-02T10:00:00+00:00"),
                confluentWire(
                        13, certificate(corpusSchema(CERTIFICATE_REVOKED), "unavailable", 42, "ada", COURSE_KEY))));

        LearningEvent completion = created.events().get(0);
        assertThat(completion.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(completion.getObjectId()).isEqualTo(COURSE + "/certificate");
        assertThat(completion.getCourseIds()).containsExactly(COURSE);
        assertThat(completion.getEventId()).isNotEqualTo("c-1");
        LearningEvent voiding = revoked.events().get(0);
        assertThat(voiding.getType()).isEqualTo(LearningEventType.VOIDED);
        assertThat(voiding.getEventId()).isEqualTo("r-1");
        assertThat(voiding.getObjectId()).isEqualTo(completion.getEventId());
        assertThat(voiding.getLearnerIds()).isEqualTo(completion.getLearnerIds());
    }

    @Test
    void aCertificateCreatedAgainAfterItsRevocationIsANewCompletionThatTheNextRevocationVoids() {
        LearningEvent first = certificateEvent(CERTIFICATE_CREATED, "c-1", "downloadable");
        LearningEvent revocation = certificateEvent(CERTIFICATE_REVOKED, "r-1", "unavailable");
        LearningEvent reissued = certificateEvent(CERTIFICATE_CREATED, "c-2", "downloadable");
        LearningEvent secondRevocation = certificateEvent(CERTIFICATE_REVOKED, "r-2", "unavailable");

        assertThat(revocation.getObjectId()).isEqualTo(first.getEventId());
        assertThat(reissued.getEventId())
                .as("the award stage logged the first completion as voided and would skip the re-issue under its id")
                .isNotEqualTo(first.getEventId());
        assertThat(secondRevocation.getObjectId())
                .as("the second revocation takes back the re-issued certificate")
                .isEqualTo(reissued.getEventId());
    }

    @Test
    void aRedeliveredCertificateRecordGetsTheIdItGotTheFirstTimeEvenAfterARevocationAndReissue() {
        LearningEvent first = certificateEvent(CERTIFICATE_CREATED, "c-1", "downloadable");
        LearningEvent revocation = certificateEvent(CERTIFICATE_REVOKED, "r-1", "unavailable");
        LearningEvent reissued = certificateEvent(CERTIFICATE_CREATED, "c-2", "downloadable");

        assertThat(certificateEvent(CERTIFICATE_CREATED, "c-1", "downloadable").getEventId())
                .isEqualTo(first.getEventId());
        assertThat(certificateEvent(CERTIFICATE_REVOKED, "r-1", "unavailable").getObjectId())
                .as("a redelivered revocation voids what it voided, not the re-issue")
                .isEqualTo(revocation.getObjectId());
        assertThat(certificateEvent(CERTIFICATE_CREATED, "c-2", "downloadable").getEventId())
                .isEqualTo(reissued.getEventId());
    }

    @Test
    void aCertificateCreatedAgainWithoutARevocationIsTheSameCompletion() {
        LearningEvent first = certificateEvent(CERTIFICATE_CREATED, "c-1", "downloadable");

        assertThat(certificateEvent(CERTIFICATE_CREATED, "c-2", "downloadable").getEventId())
                .as("a regenerated certificate the learner still holds counts once")
                .isEqualTo(first.getEventId());
    }

    private LearningEvent certificateEvent(String type, String ceId, String status) {
        return reader.read(record(
                        headers(type, ceId, CE_TIME),
                        confluentWire(12, certificate(shipped(type), status, 42, "ada", COURSE_KEY))))
                .events()
                .get(0);
    }

    @Test
    void aCertificateThatIsNotDownloadableIsIgnored() {
        OpenEdxDelivery delivery = reader.read(record(
                headers(CERTIFICATE_CREATED, "c-1", CE_TIME),
                confluentWire(12, certificate(shipped(CERTIFICATE_CREATED), "audit_passing", 42, "ada", COURSE_KEY))));

        assertThat(delivery.events()).isEmpty();
        assertThat(delivery.ignoredBecause()).contains("audit_passing").contains("not downloadable");
    }

    @Test
    void eventTypesCredBridgeDoesNotActOnAreIgnoredWithoutReadingTheirValue() {
        for (String file : new String[] {
            "org+openedx+learning+course+enrollment+created+v1_schema.avsc",
            "org+openedx+learning+badge+awarded+v1_schema.avsc"
        }) {
            Path schemaFile = OpenEdxEvents.CORPUS.resolve(file);
            assumeTrue(Files.isRegularFile(schemaFile), () -> "the shared corpus is not at " + schemaFile);
            Schema schema = OpenEdxEvents.parse(schemaFile);
            String type = schema.getNamespace();

            OpenEdxDelivery delivery = reader.read(record(headers(type, CE_ID, CE_TIME), new byte[] {9, 9}));

            assertThat(delivery.isUnreadable()).isFalse();
            assertThat(delivery.ignoredBecause()).isEqualTo("CredBridge does not act on " + type + " events");
        }
    }

    @Test
    void aValueNotInTheConfluentWireFormatIsUnreadableAndSaysWhy() {
        OpenEdxDelivery delivery =
                reader.read(record(headers(PASSING, CE_ID, CE_TIME), "{\"is_passing\": true}".getBytes()));

        assertThat(delivery.isUnreadable()).isTrue();
        assertThat(delivery.unreadableBecause())
                .startsWith("the value is not in the Confluent wire format")
                .contains("starts with byte 123");
    }

    @Test
    void aValueThatIsAnotherEventsDataIsUnreadable() {
        byte[] certificateData =
                confluentWire(12, certificate(shipped(CERTIFICATE_CREATED), "downloadable", 42, "ada", COURSE_KEY));

        OpenEdxDelivery delivery = reader.read(record(headers(PASSING, CE_ID, CE_TIME), certificateData));

        assertThat(delivery.isUnreadable()).isTrue();
        assertThat(delivery.unreadableBecause()).contains(PASSING);
    }

    @Test
    void aRecordWithoutCeTypeOrCeIdIsUnreadable() {
        byte[] value = confluentWire(11, passing(shipped(PASSING), true, 42, "ada", COURSE_KEY));
        Map<String, byte[]> noType = headers(PASSING, CE_ID, CE_TIME);
        noType.remove("ce_type");
        Map<String, byte[]> noId = headers(PASSING, CE_ID, CE_TIME);
        noId.remove("ce_id");

        assertThat(reader.read(record(noType, value)).unreadableBecause()).contains("no ce_type header");
        assertThat(reader.read(record(noId, value)).unreadableBecause()).contains("no ce_id header");
    }

    @Test
    void aDeadLetteredRecordReadsBackByteForByte() {
        byte[] value = confluentWire(11, passing(shipped(PASSING), true, 42, "ada", COURSE_KEY));
        EventBusRecord original = record(headers(PASSING, CE_ID, CE_TIME), value);

        EventBusRecord again = DeadLetteredRecords.recordOf(DeadLetteredRecords.payloadOf(original));

        assertThat(again.value()).isEqualTo(value);
        assertThat(again.headers()).isEqualTo(original.headers());
        assertThat(again.deadLetterId()).isEqualTo(original.deadLetterId());
        assertThat(reader.read(again).events())
                .extracting(LearningEvent::getEventId)
                .containsExactly(CE_ID);
    }

    @Test
    void theDemoSampleIsCarolsCompletionOfTheDemoCourse() throws java.io.IOException {
        Path demo = Path.of("deploy", "demo", "openedx");
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(demo.resolve("carol-passes-data-analysis-101.headers"))) {
            headers.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        OpenEdxRecords demoReader = new OpenEdxRecords(
                new OpenEdxEventDecoder(OpenEdxSchemas.shipped(), null),
                new OpenEdxEventNormalizer("https://lms.demo.credbridge.io", OpenEdxEvents.certificateHistory()),
                Clock.fixed(NOW, ZoneOffset.UTC));

        OpenEdxDelivery delivery = demoReader.read(new EventBusRecord(
                "learning-certificate-lifecycle",
                0,
                0,
                headers,
                Files.readAllBytes(demo.resolve("carol-passes-data-analysis-101.bin"))));

        LearningEvent event = delivery.events().get(0);
        assertThat(event.getType()).isEqualTo(LearningEventType.COURSE_COMPLETED);
        assertThat(event.getObjectId()).isEqualTo("https://lms.demo.credbridge.io/courses/data-analysis-101");
        assertThat(event.getLearnerIds().get(0))
                .isEqualTo(new LearnerIdentifier("account", "carol", "https://lms.demo.credbridge.io"));
    }

    @Test
    void aNaiveCeTimeIsUtc() {
        assertThat(OpenEdxEventNormalizer.time("2026-11-30T09:00:00.5"))
                .isEqualTo(Instant.parse("2026-11-30T09:00:00.500Z"));
    }

    private static Schema corpusSchema(String eventType) {
        Path file = OpenEdxEvents.corpusSchema(eventType);
        assumeTrue(Files.isRegularFile(file), () -> "the shared corpus is not at " + file + "; skipping");
        Schema schema = OpenEdxEvents.parse(file);
        assertThat(schema.getFullName()).isEqualTo(eventType + ".CloudEvent");
        return schema;
    }
}
