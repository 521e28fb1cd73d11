package io.credbridge.transcript.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code credbridge.transcript.rest.*}.
 *
 * @param issued the call that writes an issued award
 * @param revoked the call that writes a revocation
 * @param expired the call that writes an expiry
 * @param oauth2 OAuth 2.0 client credentials, or null when an API key is used
 * @param apiKey an API key header, or null when OAuth 2.0 is used
 * @param idempotencyHeader the header that carries the entry's idempotency key ({@code <award id>/<action>}) on
 *     every call, so a SIS that deduplicates by it writes a redelivered entry once
 * @param values fixed values the templates use as {@code {{values.name}}}
 * @param recordIdPointer a JSON pointer (RFC 6901, e.g. {@code /id}) to the id of the SIS's record in the answer to
 *     a write, kept with the entry; none when the SIS answers no id
 * @param readBack how to read back what the SIS holds of a learner, for reconciliation; none when it cannot
 */
public record RestSettings(
        @Valid @NotNull(message = "must set method, url and body for an issued award")
        Call issued,

        @Valid @NotNull(message = "must set method, url and body for a revocation")
        Call revoked,

        @Valid @NotNull(message = "must set method, url and body for an expiry")
        Call expired,

        @Valid OAuth2 oauth2,
        @Valid ApiKey apiKey,

        @NotBlank(message = "must name a header, e.g. Idempotency-Key") @DefaultValue("Idempotency-Key")
        String idempotencyHeader,

        @NotNull @DefaultValue Map<String, String> values,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration requestTimeout,

        @Pattern(regexp = "(/[^/]*)+", message = "must be a JSON pointer such as /id or /data/id")
        String recordIdPointer,

        @Valid ReadBack readBack) {

    @AssertTrue(message = "set exactly one of credbridge.transcript.rest.oauth2.* and .api-key.*")
    public boolean isOneWayToAuthenticate() {
        return (oauth2 == null) != (apiKey == null);
    }

    /**
     * @param method the HTTP method: PUT (with an id in the URL) and DELETE are idempotent by themselves; POST and
     *     PATCH rely on the SIS honouring the idempotency header
     * @param url a Mustache template, e.g. {@code https://sis.example.edu/api/awards/{{awardId}}}
     * @param body the body template's location, or none (DELETE)
     */
    public record Call(
            @NotBlank(message = "must be POST, PUT, PATCH or DELETE")
            @Pattern(regexp = "POST|PUT|PATCH|DELETE", message = "must be POST, PUT, PATCH or DELETE")
            String method,

            @NotBlank(message = "must be the URL template, e.g. https://sis.example.edu/api/awards/{{awardId}}")
            String url,

            String body) {}

    /**
     * @param tokenUrl the token endpoint
     * @param scope the scope asked for, or none
     * @param refreshMargin a token is replaced this long before it expires
     */
    public record OAuth2(
            @NotNull(message = "must be the token endpoint, e.g. https://sis.example.edu/oauth2/token")
            URI tokenUrl,

            @NotBlank(message = "must be the client id CredBridge was registered with")
            String clientId,

            @NotBlank(message = "must be the client secret") String clientSecret,
            String scope,
            @NotNull @DefaultValue("30s") Duration refreshMargin) {}

    /**
     * Reading back a learner's records, for reconciliation.
     *
     * @param url a URL template over the learner ({@code {{sisPersonId}}}, {@code {{learnerId}}}) answering their
     *     records as JSON
     * @param recordsPointer where the records' array is in the answer; none: the answer is the array
     * @param awardIdPointer where a record holds the award id CredBridge wrote into it
     * @param actionPointer where a record holds the action (ISSUED, REVOKED, EXPIRED) when the SIS keeps one record
     *     per entry; none when it keeps one record per award, updated (or deleted) when the award ends
     * @param recordIdPointer where a record holds its own id; none: the award id names it
     */
    public record ReadBack(
            @NotBlank(
                    message = "must be the URL template of a learner's records, e.g."
                            + " https://sis.example.edu/api/learners/{{sisPersonId}}/awards")
            String url,

            @Pattern(regexp = "(/[^/]*)*", message = "must be a JSON pointer such as /items, or empty")
            String recordsPointer,

            @NotBlank
            @Pattern(regexp = "(/[^/]*)+", message = "must be a JSON pointer such as /awardId")
            @DefaultValue("/awardId")
            String awardIdPointer,

            @Pattern(regexp = "(/[^/]*)+", message = "must be a JSON pointer such as /action")
            String actionPointer,

            @Pattern(regexp = "(/[^/]*)+", message = "must be a JSON pointer such as /id")
            String recordIdPointer) {}

    /** @param header the header the key goes in, e.g. {@code X-API-Key} */
    public record ApiKey(
            @NotBlank @DefaultValue("X-API-Key") String header,
            @NotBlank(message = "must be the API key") String value) {}
}
