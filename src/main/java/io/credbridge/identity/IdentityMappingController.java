package io.credbridge.identity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin API over identity: mapping uploads, single mappings, and the parked events waiting for them. */
@RestController
@RequestMapping("/api/identity")
class IdentityMappingController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    private static final int MAX_ACTOR = 255;
    private static final int MAX_LIMIT = 1000;

    private final MappingUpdates updates;
    private final IdentityMappings mappings;
    private final ParkedEvents parked;
    private final ParkedEventRelease release;
    private final Clock clock;

    IdentityMappingController(
            MappingUpdates updates,
            IdentityMappings mappings,
            ParkedEvents parked,
            ParkedEventRelease release,
            Clock clock) {
        this.updates = updates;
        this.mappings = mappings;
        this.parked = parked;
        this.release = release;
        this.clock = clock;
    }

    /**
     * Stores every mapping of a CSV file (see MappingCsv), or none when any line is wrong. The content type is
     * checked here rather than by {@code consumes}, so that a wrong one is answered by this API's problems.
     */
    @PostMapping("/mappings")
    UploadView upload(
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestParam(required = false) String actor,
            @RequestBody(required = false) byte[] body) {
        Charset charset = csvCharset(contentType);
        String by = validated(List.of(), actor);
        MappingCsv.Mappings file = MappingCsv.parse(decode(body, charset), by, clock.instant());
        MappingUpdates.Stored stored = updates.store(file.learners(), file.courses());
        return new UploadView(stored.learners(), stored.courses(), stored.parkedEventsReleased());
    }

    @PutMapping("/learners")
    StoredLearnerView putLearner(@RequestBody LearnerMappingRequest request) {
        String by = validated(
                MappingRules.learner(request.scheme(), request.namespace(), request.value(), request.sisPersonId()),
                request.actor());
        LearnerMapping mapping = new LearnerMapping(
                new LearnerMappingKey(
                        request.scheme(), request.namespace(), request.value().trim()),
                request.sisPersonId().trim(),
                clock.instant(),
                by);
        MappingUpdates.Stored stored = updates.store(List.of(mapping), List.of());
        return new StoredLearnerView(LearnerMappingView.of(mapping), stored.parkedEventsReleased());
    }

    /** Learner mappings in key order; each parameter left out matches everything. */
    @GetMapping("/learners")
    List<LearnerMappingView> learners(
            @RequestParam(required = false) String scheme,
            @RequestParam(required = false) String namespace,
            @RequestParam(required = false) String value,
            @RequestParam(defaultValue = "100") int limit) {
        String canonicalValue =
                scheme == null || value == null ? value : new LearnerMappingKey(scheme, namespace, value).value();
        return mappings.learners(scheme, namespace, canonicalValue, limit(limit)).stream()
                .map(LearnerMappingView::of)
                .toList();
    }

    @DeleteMapping("/learners")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteLearner(
            @RequestParam String scheme,
            @RequestParam(defaultValue = "") String namespace,
            @RequestParam String value) {
        LearnerMappingKey key = new LearnerMappingKey(scheme, namespace, value);
        if (!mappings.deleteLearner(key)) {
            throw new MappingNotFoundException("no learner mapping for " + key.scheme() + " '" + key.value() + "'"
                    + (key.namespace().isEmpty() ? "" : " in " + key.namespace()));
        }
    }

    @PutMapping("/courses")
    CourseMapping putCourse(@RequestBody CourseMappingRequest request) {
        String by = validated(
                MappingRules.course(
                        request.lmsCourseId(), request.sisCourseCode(), request.sisSection(), request.sisTerm()),
                request.actor());
        CourseMapping mapping = new CourseMapping(
                request.lmsCourseId().trim(),
                request.sisCourseCode().trim(),
                emptyToNull(request.sisSection()),
                emptyToNull(request.sisTerm()),
                clock.instant(),
                by);
        updates.store(List.of(), List.of(mapping));
        return mapping;
    }

    /** Course mappings in course order, or the one of {@code lmsCourseId}. */
    @GetMapping("/courses")
    List<CourseMapping> courses(
            @RequestParam(required = false) String lmsCourseId, @RequestParam(defaultValue = "100") int limit) {
        if (lmsCourseId != null) {
            return mappings.courseFor(lmsCourseId).stream().toList();
        }
        return mappings.courses(limit(limit));
    }

    @DeleteMapping("/courses")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCourse(@RequestParam String lmsCourseId) {
        if (!mappings.deleteCourse(lmsCourseId)) {
            throw new MappingNotFoundException("no course mapping for " + lmsCourseId);
        }
    }

    /** The longest-waiting parked events first, without their payload. */
    @GetMapping("/parked")
    List<ParkedEventView> parked(@RequestParam(defaultValue = "100") int limit) {
        return parked.list(limit(limit)).stream().map(ParkedEventView::of).toList();
    }

    /** Hands every parked event whose learner can be mapped now to the award stage again. */
    @PostMapping("/parked/release")
    ReleaseView releaseParked() {
        int released = release.releaseAllMappable();
        return new ReleaseView(released, parked.count());
    }

    private static Charset csvCharset(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !TEXT_CSV.includes(type)) {
            throw new UnsupportedUploadTypeException(contentType);
        }
        try {
            return type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        } catch (IllegalArgumentException e) {
            throw new UnsupportedUploadTypeException(contentType);
        }
    }

    /** Decodes strictly: a file in another encoding is refused rather than stored with broken characters. */
    private static String decode(byte[] body, Charset charset) {
        if (body == null) {
            return "";
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Problem(
                    "/",
                    "the file is not " + charset.name() + " text; save it as UTF-8 or name its charset in the"
                            + " Content-Type, e.g. text/csv; charset=windows-1252")));
        }
    }

    /**
     * Throws every problem of the mapping and of the actor at once.
     *
     * @return the actor, trimmed
     */
    private static String validated(List<MappingRules.Problem> mappingProblems, String actor) {
        List<InvalidRequestException.Problem> problems = new ArrayList<>();
        mappingProblems.forEach(problem -> problems.add(InvalidRequestException.Problem.of(problem)));
        if (MappingRules.blank(actor)) {
            problems.add(new InvalidRequestException.Problem(
                    "/actor",
                    "actor is required: who sets the mappings (a name until the admin API authenticates its"
                            + " callers)"));
        } else if (actor.trim().length() > MAX_ACTOR) {
            problems.add(new InvalidRequestException.Problem("/actor", "actor must be at most 255 characters"));
        }
        InvalidRequestException.throwIfAny(problems);
        return actor.trim();
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Problem(
                    "/limit", "limit must be from 1 to " + MAX_LIMIT + " (was " + limit + ")")));
        }
        return limit;
    }

    private static String emptyToNull(String value) {
        return MappingRules.blank(value) ? null : value.trim();
    }

    /** @param actor who sets the mapping (a name until the admin API authenticates its callers) */
    record LearnerMappingRequest(String scheme, String namespace, String value, String sisPersonId, String actor) {}

    /** @param actor who sets the mapping (a name until the admin API authenticates its callers) */
    record CourseMappingRequest(
            String lmsCourseId, String sisCourseCode, String sisSection, String sisTerm, String actor) {}

    /** @param parkedEventsReleased parked events the learner mappings released to the award stage */
    record UploadView(int learners, int courses, int parkedEventsReleased) {}

    record LearnerMappingView(
            String scheme, String namespace, String value, String sisPersonId, Instant updatedAt, String updatedBy) {

        static LearnerMappingView of(LearnerMapping mapping) {
            LearnerMappingKey key = mapping.learner();
            return new LearnerMappingView(
                    key.scheme(),
                    key.namespace(),
                    key.value(),
                    mapping.sisPersonId(),
                    mapping.updatedAt(),
                    mapping.updatedBy());
        }
    }

    record StoredLearnerView(LearnerMappingView mapping, int parkedEventsReleased) {}

    /** A parked event as the API shows it: where it came from and why it waits, not its payload. */
    record ParkedEventView(
            String eventId,
            String source,
            List<LearnerMappingKey> identifiers,
            String originTopic,
            int originPartition,
            long originOffset,
            String originKey,
            String reason,
            Instant parkedAt) {

        static ParkedEventView of(ParkedEvent event) {
            return new ParkedEventView(
                    event.eventId(),
                    event.source(),
                    event.identifiers(),
                    event.topic(),
                    event.partition(),
                    event.offset(),
                    event.key(),
                    event.reason(),
                    event.parkedAt());
        }
    }

    /** @param stillParked parked events left, including those whose learner still has no mapping */
    record ReleaseView(int released, long stillParked) {}

    static final class UnsupportedUploadTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedUploadTypeException(String contentType) {
            super("mappings are uploaded as text/csv (UTF-8 unless a charset is named), not "
                    + (contentType == null ? "a body without a Content-Type" : contentType));
        }
    }

    static final class MappingNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MappingNotFoundException(String message) {
            super(message);
        }
    }
}
