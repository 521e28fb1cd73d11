package io.credbridge.identity;

import java.time.Instant;

/**
 * An LMS course and the SIS course it stands for, with who set it and when.
 *
 * @param lmsCourseId the course IRI events carry
 * @param sisSection the SIS section, or null when the mapping names none
 * @param sisTerm the SIS term, or null when the mapping names none
 */
public record CourseMapping(
        String lmsCourseId,
        String sisCourseCode,
        String sisSection,
        String sisTerm,
        Instant updatedAt,
        String updatedBy) {}
