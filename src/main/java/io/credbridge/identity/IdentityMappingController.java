package io.credbridge.identity;

import io.credbridge.audit.AuditTrail;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/**
 * The admin API over identity: mapping uploads, single mappings, and the parked events waiting for them. Every
 * mapping records the authenticated caller who set it.
 */
@RestController
@RequestMapping("/api/identity")
class IdentityMappingController {

    private static final int MAX_LIMIT = 1000;

    private final MappingUpdates updates;
    private final IdentityMappings mappings;
    private final ParkedEvents parked;
    private final ParkedEventRelease release;
    private final Clock clock;
    private final AuditTrail audit;

    IdentityMappingController(
            MappingUpdates updates,
            IdentityMappings mappings,
            ParkedEvents parked,
            ParkedEventRelease release,
            Clock clock,
            AuditTrail audit) {
        this.updates = updates;
        this.mappings = mappings;
        this.parked = parked;
        this.release = release;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Stores every mapping of a CSV file (see MappingCsv), or none when any line is wrong. The content type is
     * checked here rather than by {@code consumes}, so that a wrong one is answered by this API's problems.
     */
    @PostMapping("/mappings")
    IdentityViews.UploadView upload(
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        Charset charset = CsvUpload.charsetOf(contentType);
        MappingCsv.Mappings file =
                MappingCsv.parse(CsvUpload.text(body, charset), audit.actor().name(), clock.instant());
        MappingUpdates.Stored stored = updates.store(file.learners(), file.courses());
        audit.record(
                "identity.mappings.upload",
                "mapping file",
                null,
                stored.learners() + " learner and " + stored.courses() + " course mapping(s) stored, "
                        + stored.parkedEventsReleased() + " parked event(s) released");
        return new IdentityViews.UploadView(stored.learners(), stored.courses(), stored.parkedEventsReleased());
    }

    @PutMapping("/learners")
    IdentityViews.StoredLearnerView putLearner(@RequestBody IdentityViews.LearnerMappingRequest request) {
        validated(MappingRules.learner(request.scheme(), request.namespace(), request.value(), request.sisPersonId()));
        LearnerMapping mapping = new LearnerMapping(
                new LearnerMappingKey(
                        request.scheme(), request.namespace(), request.value().trim()),
                request.sisPersonId().trim(),
                clock.instant(),
                audit.actor().name());
        MappingUpdates.Stored stored = updates.store(List.of(mapping), List.of());
        audit.record(
                "identity.learner.put",
                describe(mapping.learner()),
                null,
                "mapped to SIS person " + mapping.sisPersonId() + ", " + stored.parkedEventsReleased()
                        + " parked event(s) released");
        return new IdentityViews.StoredLearnerView(
                IdentityViews.LearnerMappingView.of(mapping), stored.parkedEventsReleased());
    }

    /** Learner mappings in key order; each parameter left out matches everything. */
    @GetMapping("/learners")
    List<IdentityViews.LearnerMappingView> learners(
            @RequestParam(required = false) String scheme,
            @RequestParam(required = false) String namespace,
            @RequestParam(required = false) String value,
            @RequestParam(defaultValue = "100") int limit) {
        String canonicalValue =
                scheme == null || value == null ? value : new LearnerMappingKey(scheme, namespace, value).value();
        return mappings.learners(scheme, namespace, canonicalValue, limit(limit)).stream()
                .map(IdentityViews.LearnerMappingView::of)
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
            throw new IdentityViews.MappingNotFoundException("no learner mapping for " + describe(key));
        }
        audit.record("identity.learner.delete", describe(key), null, "mapping deleted");
    }

    private static String describe(LearnerMappingKey key) {
        return key.scheme() + " '" + key.value() + "'" + (key.namespace().isEmpty() ? "" : " in " + key.namespace());
    }

    @PutMapping("/courses")
    CourseMapping putCourse(@RequestBody IdentityViews.CourseMappingRequest request) {
        validated(MappingRules.course(
                request.lmsCourseId(), request.sisCourseCode(), request.sisSection(), request.sisTerm()));
        CourseMapping mapping = new CourseMapping(
                request.lmsCourseId().trim(),
                request.sisCourseCode().trim(),
                emptyToNull(request.sisSection()),
                emptyToNull(request.sisTerm()),
                clock.instant(),
                audit.actor().name());
        updates.store(List.of(), List.of(mapping));
        audit.record(
                "identity.course.put", mapping.lmsCourseId(), null, "mapped to SIS course " + mapping.sisCourseCode());
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
            throw new IdentityViews.MappingNotFoundException("no course mapping for " + lmsCourseId);
        }
        audit.record("identity.course.delete", lmsCourseId, null, "mapping deleted");
    }

    /** The longest-waiting parked events first, without their payload. */
    @GetMapping("/parked")
    List<IdentityViews.ParkedEventView> parked(@RequestParam(defaultValue = "100") int limit) {
        return parked.list(limit(limit)).stream()
                .map(IdentityViews.ParkedEventView::of)
                .toList();
    }

    /** Hands every parked event whose learner can be mapped now to the award stage again. */
    @PostMapping("/parked/release")
    IdentityViews.ReleaseView releaseParked() {
        int released = release.releaseAllMappable();
        IdentityViews.ReleaseView view = new IdentityViews.ReleaseView(released, parked.count());
        audit.record("identity.parked.release", "parked events", null, released + " parked event(s) released");
        return view;
    }

    /** Throws every problem of the mapping at once. */
    private static void validated(List<MappingRules.Problem> mappingProblems) {
        List<InvalidRequestException.Problem> problems = new ArrayList<>();
        mappingProblems.forEach(problem -> problems.add(InvalidRequestException.Problem.of(problem)));
        InvalidRequestException.throwIfAny(problems);
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
}
