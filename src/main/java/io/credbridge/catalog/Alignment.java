package io.credbridge.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A competency the credential certifies, in a framework outside CredBridge (e.g. a 1EdTech CASE item, ESCO
 * skill or O*NET code): the Open Badges 3.0 {@code Alignment} the badge side publishes.
 *
 * @param targetUrl where the competency is defined
 * @param targetFramework the framework's name, e.g. ESCO
 * @param targetCode the competency's code in that framework
 * @param targetType the kind of node it is in its framework, in Open Badges 3.0's vocabulary (e.g. {@code CFItem}
 *     for a CASE item, {@code ceasn:Competency}), or an extension {@code ext:...}; optional
 */
public record Alignment(
        @NotBlank @Pattern(regexp = Iris.ABSOLUTE, message = Iris.MESSAGE)
        String targetUrl,

        @NotBlank String targetName,
        String targetFramework,
        String targetCode,

        @Pattern(
                regexp = "^(ceasn:Competency|ceterms:Credential|CFItem|CFRubric|CFRubricCriterion"
                        + "|CFRubricCriterionLevel|CTDL|ext:[A-Za-z0-9.\\-_]+)$",
                message = "must be one of ceasn:Competency, ceterms:Credential, CFItem, CFRubric, CFRubricCriterion,"
                        + " CFRubricCriterionLevel, CTDL, or an extension such as ext:Skill")
        String targetType) {}
