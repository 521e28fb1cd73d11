package io.credbridge.identity;

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

/** The admin API over identity: mapping uploads, single mappings, and the parked events waiting for them. */
@RestController
@RequestMapping("/api/identity")
class IdentityMappingController {

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
    IdentityViews.UploadView upload(
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestParam(required = false) String actor,
            @RequestBody(required = false) byte[] body) {
        Charset charset = CsvUpload.charsetOf(contentType);
        String by = validated(List.of(), actor);
        MappingCsv.Mappings file = MappingCsv.parse(CsvUpload.text(body, charset), by, clock.instant());
        MappingUpdates.Stored stored = updates.store(file.learners(), file.courses());
        return new IdentityViews.UploadView(stored.learners(), stored.courses(), stored.parkedEventsReleased());
    }

    @PutMapping("/learners")
    IdentityViews.StoredLearnerView putLearner(@RequestBody IdentityViews.LearnerMappingRequest request) {
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
            throw new IdentityViews.MappingNotFoundException("no learner mapping for " + key.scheme() + " '"
                    + key.value() + "'" + (key.namespace().isEmpty() ? "" : " in " + key.namespace()));
        }
    }

    @PutMapping("/courses")
    CourseMapping putCourse(@RequestBody IdentityViews.CourseMappingRequest request) {
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
            throw new IdentityViews.MappingNotFoundException("no course mapping for " + lmsCourseId);
        }
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
        return new IdentityViews.ReleaseView(released, parked.count());
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
}
