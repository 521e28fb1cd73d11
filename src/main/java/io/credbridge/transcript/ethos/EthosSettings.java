package io.credbridge.transcript.ethos;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code credbridge.transcript.ethos.*}.
 *
 * @param baseUrl the Ethos Integration URL, e.g. {@code https://integrate.elluciancloud.com}
 * @param apiKey the API key of the Ethos application CredBridge writes as
 * @param resource the Ethos resource entries are written to
 * @param version the resource version, sent as {@code application/vnd.hedtech.integration.v{version}+json}
 * @param templates the body template per action (locations such as {@code classpath:transcript-templates/...})
 * @param ending what a revocation or expiry does to the SIS record: {@code update} it (PUT the ending template to
 *     the issued record's GUID), {@code delete} it, or write a {@code reversing-entry} (a new record)
 * @param values fixed values the templates use as {@code {{values.name}}} (event codes, assessment GUIDs)
 * @param persons how learners are found among Ethos {@code persons}
 * @param tokenLifetime asked of {@code POST /auth?expirationMinutes=}; 1 to 120 minutes
 * @param tokenRefreshMargin a token is replaced this long before it expires
 * @param checkResource whether startup checks {@code /admin/available-resources} for the resource, version and
 *     methods
 * @param readBackCriteria reconciliation reads a learner's records with {@code GET /api/{resource}?criteria=}
 *     this JSON template ({@code {{personGuid}}}, {@code {{sisPersonId}}}, {@code {{learnerId}}}), e.g. {@code
 *     {"student":{"id":"{{personGuid}}"}}} for student-aptitude-assessments
 */
public record EthosSettings(
        @NotNull(message = "must be the Ethos Integration URL, e.g. https://integrate.elluciancloud.com")
        URI baseUrl,

        @NotBlank(message = "must be the API key of the Ethos application CredBridge writes as")
        String apiKey,

        @NotBlank(message = "must name the Ethos resource to write, e.g. student-aptitude-assessments")
        @Pattern(regexp = "[a-z0-9-]+", message = "must be an Ethos resource name: lower-case letters, digits, dashes")
        String resource,

        @NotBlank(message = "must be the resource version, e.g. 16.0.0")
        @Pattern(regexp = "\\d+(\\.\\d+){0,2}", message = "must be a version such as 16.0.0 or 1.0.0 (no leading v)")
        String version,

        @Valid @NotNull(message = "must set templates.issued (and revoked and expired unless ending is delete)")
        Templates templates,

        @NotNull @DefaultValue("update") Ending ending,
        @NotNull @DefaultValue Map<String, String> values,
        @Valid @NotNull @DefaultValue Persons persons,

        @NotNull
        @DurationMin(minutes = 1, message = "must be 1 to 120 minutes, e.g. 60m")
        @DurationMax(minutes = 120, message = "must be 1 to 120 minutes, e.g. 60m")
        @DefaultValue("60m")
        Duration tokenLifetime,

        @NotNull @DefaultValue("30s") Duration tokenRefreshMargin,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("true") boolean checkResource,

        @NotBlank(message = "must be the criteria JSON that finds a learner's records (see the README's SIS section)")
        @DefaultValue(EthosSettings.DEFAULT_READ_BACK_CRITERIA)
        String readBackCriteria) {

    /** Finds a person's records in EEDM resources that refer to a student, as student-aptitude-assessments does. */
    public static final String DEFAULT_READ_BACK_CRITERIA = "{\"student\":{\"id\":\"{{personGuid}}\"}}";

    /** What a revocation or expiry does to the SIS record. */
    public enum Ending {
        UPDATE,
        DELETE,
        REVERSING_ENTRY
    }

    @AssertTrue(message = "ending is update or reversing-entry, so set templates.revoked and templates.expired")
    public boolean isEndingTemplatesGiven() {
        return ending == Ending.DELETE
                || templates == null
                || (present(templates.revoked()) && present(templates.expired()));
    }

    public String mediaType() {
        return "application/vnd.hedtech.integration.v" + version + "+json";
    }

    private static boolean present(String location) {
        return location != null && !location.isBlank();
    }

    /** Template locations per action. */
    public record Templates(
            @NotBlank(
                    message = "must be the body template for an issued award, e.g."
                            + " classpath:transcript-templates/colleague-student-aptitude-assessments.json")
            String issued,

            String revoked,
            String expired) {}

    /**
     * @param version the {@code persons} version asked for
     * @param idCredentialType the person credential whose value is the SIS person id CredBridge keeps ({@code
     *     bannerId} on Banner, {@code colleaguePersonId} on Colleague)
     * @param accountCredentialType the person credential an LMS account name is looked up by ({@code
     *     bannerUserName}, {@code colleagueUserName}, {@code bannerSourcedId}...)
     */
    public record Persons(
            @NotBlank @DefaultValue("12") String version,
            @NotBlank @DefaultValue("bannerId") String idCredentialType,
            @NotBlank @DefaultValue("bannerUserName") String accountCredentialType) {

        String mediaType() {
            return "application/vnd.hedtech.integration.v" + version + "+json";
        }
    }
}
