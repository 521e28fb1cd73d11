package io.credbridge.ingest.openedx;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;

/**
 * Maps an Open edX event's envelope (ce_* headers) and data to the LearningEvent CredBridge acts on.
 *
 * <ul>
 *   <li>{@code course.passing.status.updated} with {@code is_passing}: the learner completed the course ({@code
 *       <lms-url>/courses/<course key>}), under the event's ce_id. A status that is not passing is ignored: it
 *       withdraws no earlier completion, as a failed regrade in the other sources does not.
 *   <li>{@code certificate.created} of a downloadable certificate: the learner completed the course's certificate
 *       ({@code <lms-url>/courses/<course key>/certificate}), a separate activity so that a credential can ask for the
 *       certificate, which revocation takes back, rather than the passing grade.
 *   <li>{@code certificate.revoked}: voids that certificate's completion. The revocation cannot know the creation's
 *       ce_id, so a certificate's completion has an id derived from the LMS, learner, course and mode, which the
 *       revocation derives again; a certificate created again after a revocation is a new completion, which the
 *       {@link CertificateHistory} keeps track of.
 * </ul>
 *
 * The learner is named by their username in the LMS's namespace, their e-mail address and their numeric user id
 * (namespace {@code <lms-url>/user-id}), in that order.
 */
final class OpenEdxEventNormalizer {

    static final String SOURCE = "openedx";
    static final String UNTYPED = "(no ce_type)";
    static final String DOWNLOADABLE = "downloadable";

    private final String lmsUrl;
    private final CertificateHistory certificates;

    OpenEdxEventNormalizer(String lmsUrl, CertificateHistory certificates) {
        this.lmsUrl = lmsUrl;
        this.certificates = certificates;
    }

    /**
     * @param data the event's data in its shipped schema
     * @throws UnreadableRecordException when the envelope lacks what the event needs (ce_id, ce_time)
     */
    OpenEdxDelivery normalize(EventBusRecord record, GenericRecord data, Instant receivedAt) {
        String type = record.header(EventBusRecord.TYPE);
        String eventId = required(record, EventBusRecord.ID, "the event's id (a UUID)");
        Instant occurredAt = time(required(record, EventBusRecord.TIME, "when the event happened (ISO-8601)"));
        LearningEvent.Builder base = LearningEvent.newBuilder()
                .setSource(SOURCE)
                .setSourceSystem(record.header(EventBusRecord.SOURCE))
                .setOccurredAt(occurredAt)
                .setReceivedAt(receivedAt.truncatedTo(ChronoUnit.MILLIS));
        switch (type) {
            case OpenEdxSchemas.PASSING_STATUS_UPDATED -> {
                GenericRecord status = child(data, "course_passing_status");
                String courseIri = courseIri(child(status, "course"));
                if (!Boolean.TRUE.equals(status.get("is_passing"))) {
                    return OpenEdxDelivery.ignored(record, "the learner is not passing the course " + courseIri);
                }
                return OpenEdxDelivery.of(
                        record,
                        base.setEventId(eventId)
                                .setType(LearningEventType.COURSE_COMPLETED)
                                .setLearnerIds(learnerIds(child(status, "user")))
                                .setObjectId(courseIri)
                                .setCourseIds(List.of(courseIri))
                                .build());
            }
            case OpenEdxSchemas.CERTIFICATE_CREATED -> {
                GenericRecord certificate = child(data, "certificate");
                String courseIri = courseIri(child(certificate, "course"));
                String status = text(certificate, "current_status");
                if (!DOWNLOADABLE.equals(status)) {
                    return OpenEdxDelivery.ignored(
                            record, "the certificate is " + status + ", not " + DOWNLOADABLE + " (earned)");
                }
                return OpenEdxDelivery.of(
                        record,
                        base.setEventId(certificates.completionOf(
                                        eventId, certificateEventId(certificate), CertificateHistory.Kind.CREATED))
                                .setType(LearningEventType.COURSE_COMPLETED)
                                .setLearnerIds(learnerIds(child(certificate, "user")))
                                .setObjectId(courseIri + "/certificate")
                                .setCourseIds(List.of(courseIri))
                                .build());
            }
            case OpenEdxSchemas.CERTIFICATE_REVOKED -> {
                GenericRecord certificate = child(data, "certificate");
                return OpenEdxDelivery.of(
                        record,
                        base.setEventId(eventId)
                                .setType(LearningEventType.VOIDED)
                                .setLearnerIds(learnerIds(child(certificate, "user")))
                                .setObjectId(certificates.completionOf(
                                        eventId, certificateEventId(certificate), CertificateHistory.Kind.REVOKED))
                                .setCourseIds(List.of())
                                .build());
            }
            default -> {
                return OpenEdxDelivery.ignored(record, "CredBridge does not act on " + type + " events");
            }
        }
    }

    /**
     * The course as the LMS addresses it, {@code <lms-url>/courses/course-v1:Org+Course+Run}: a course key's
     * characters are all allowed in an IRI path, and this is the address learners and LRS statements use.
     */
    String courseIri(GenericRecord course) {
        return lmsUrl + "/courses/" + text(course, "course_key");
    }

    /** A certificate's completion, the same for its creation and its revocation. */
    String certificateEventId(GenericRecord certificate) {
        GenericRecord user = child(certificate, "user");
        String name = String.join(
                "\n",
                "openedx-certificate",
                lmsUrl,
                String.valueOf(user.get("id")),
                text(child(certificate, "course"), "course_key"),
                text(certificate, "mode"));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private List<LearnerIdentifier> learnerIds(GenericRecord user) {
        GenericRecord pii = child(user, "pii");
        List<LearnerIdentifier> ids = new ArrayList<>();
        String username = text(pii, "username");
        if (!username.isBlank()) {
            ids.add(new LearnerIdentifier("account", username, lmsUrl));
        }
        String email = text(pii, "email");
        if (!email.isBlank()) {
            ids.add(new LearnerIdentifier("mbox", "mailto:" + email, null));
        }
        ids.add(new LearnerIdentifier("account", String.valueOf(user.get("id")), lmsUrl + "/user-id"));
        return ids;
    }

    private static String required(EventBusRecord record, String header, String what) {
        String value = record.header(header);
        if (value == null) {
            throw new UnreadableRecordException("the record has no " + header + " header: " + what);
        }
        return value;
    }

    /** Python's isoformat(): an offset, or none for a naive UTC time. */
    static Instant time(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                throw new UnreadableRecordException(
                        "the ce_time header must be an ISO-8601 time, e.g. 2026-11-30T09:00:00+00:00; was " + value);
            }
        }
    }

    private static GenericRecord child(GenericRecord parent, String field) {
        return (GenericRecord) parent.get(field);
    }

    private static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? "" : value.toString();
    }
}
