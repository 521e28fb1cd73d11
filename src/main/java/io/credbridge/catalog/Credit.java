package io.credbridge.catalog;

import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;

/**
 * What the credential is worth on the transcript. A definition without credit is non-credit.
 *
 * @param creditHours US-style credit hours
 * @param ects European Credit Transfer and Accumulation System credits
 * @param sisCode the SIS credential or course code the registrar posts it under
 * @param gradeMode how the SIS grades it, e.g. pass/fail
 */
public record Credit(
        @DecimalMin(value = "0", message = "must not be negative")
        BigDecimal creditHours,

        @DecimalMin(value = "0", message = "must not be negative")
        BigDecimal ects,

        String sisCode,
        String gradeMode) {}
