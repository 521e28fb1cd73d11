package io.credbridge.transcript;

import io.credbridge.transcript.ethos.EthosSettings;
import io.credbridge.transcript.files.FileSettings;
import io.credbridge.transcript.rest.RestSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param target the SIS adapter transcript entries go to unless {@code routes} says otherwise: {@code csv} (the
 *     default: files in a directory), {@code ethos} (Ellucian Ethos Integration: Banner, Colleague), {@code rest} (any
 *     HTTP API) or {@code files} (import files in a directory or on an SFTP server, with acknowledgement files read
 *     back)
 * @param routes other targets for some credentials or issuers (a college whose records live in another SIS)
 * @param breaker the circuit breaker in front of the {@code ethos}, {@code rest} and {@code files} targets
 * @param ethos the Ethos target's settings ({@code credbridge.transcript.ethos.*}), needed when it is the target
 * @param rest the generic REST target's settings ({@code credbridge.transcript.rest.*}), needed when it is the target
 * @param files the import-file target's settings ({@code credbridge.transcript.files.*}), needed when it is the target
 * @param acknowledgementPollInterval how often the SIS's acknowledgement files are looked for (files target)
 * @param reconciliation the scheduled comparison of the awards with what the SIS holds
 */
@Validated
@ConfigurationProperties("credbridge.transcript")
public record TranscriptProperties(
        @NotNull(message = "must be csv, ethos, rest or files") @DefaultValue("csv")
        Target target,

        @NotNull @DefaultValue List<@Valid Route> routes,
        @Valid @NotNull @DefaultValue Breaker breaker,
        @Valid EthosSettings ethos,
        @Valid RestSettings rest,
        @Valid FileSettings files,

        @NotNull(message = "must be a duration such as 1m")
        @DurationMin(millis = 1, message = "must be longer than zero, e.g. 1m")
        @DefaultValue("1m")
        Duration acknowledgementPollInterval,

        @Valid @NotNull @DefaultValue Reconciliation reconciliation) {

    public enum Target {
        CSV,
        ETHOS,
        REST,
        FILES;

        /** The name metrics, logs and the reconciliation API know the target by, e.g. {@code ethos}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Entries of one credential, or of every credential of one issuer, going to another target than the default (a
     * college whose records live in another SIS). A credential's own route wins over its issuer's.
     *
     * @param target where they go
     * @param credential a credential id of the catalog
     * @param issuer an issuer id of the catalog (the {@code issuer.id} of its credentials)
     */
    public record Route(
            @NotNull(message = "must be csv, ethos, rest or files")
            Target target,

            String credential,
            String issuer) {

        @AssertTrue(message = "name exactly one of credential (a credential id) and issuer (an issuer id) per route")
        public boolean isForACredentialOrAnIssuer() {
            return (credential == null || credential.isBlank()) != (issuer == null || issuer.isBlank());
        }
    }

    /** Every target some entry can go to: the default and each route's. */
    public Set<Target> targetsInUse() {
        Set<Target> inUse = EnumSet.of(target == null ? Target.CSV : target);
        if (routes != null) {
            routes.stream()
                    .map(Route::target)
                    .filter(java.util.Objects::nonNull)
                    .forEach(inUse::add);
        }
        return inUse;
    }

    @AssertTrue(
            message =
                    "target (or a route) is ethos, so set credbridge.transcript.ethos.base-url, api-key, resource, version and"
                            + " templates (see the README's SIS section)")
    public boolean isEthosConfiguredWhenTarget() {
        return !targetsInUse().contains(Target.ETHOS) || ethos != null;
    }

    @AssertTrue(
            message =
                    "target (or a route) is rest, so set credbridge.transcript.rest.issued, revoked, expired and either oauth2"
                            + " or api-key (see the README's SIS section)")
    public boolean isRestConfiguredWhenTarget() {
        return !targetsInUse().contains(Target.REST) || rest != null;
    }

    @AssertTrue(
            message =
                    "target (or a route) is files, so set credbridge.transcript.files.delivery (directory or sftp) and its"
                            + " settings (see the README's SIS section)")
    public boolean isFilesConfiguredWhenTarget() {
        return !targetsInUse().contains(Target.FILES) || files != null;
    }

    /**
     * @param enabled whether the scheduled run compares every award with the SIS; off by default, since it reads
     *     every learner's records back from the SIS
     * @param interval how often it runs when enabled (its counts are the {@code credbridge.transcript.reconciliation.*}
     *     gauges)
     */
    public record Reconciliation(
            @DefaultValue("false") boolean enabled,

            @NotNull(message = "must be a duration such as 1h")
            @DurationMin(seconds = 1, message = "must be at least a second, e.g. 1h")
            @DefaultValue("1h")
            Duration interval) {}

    /**
     * @param failureRateThreshold percentage of failed calls (of the last {@code slidingWindowSize}) that opens it
     * @param slidingWindowSize how many of the last calls the failure rate is measured over
     * @param minimumNumberOfCalls calls needed before the rate is judged at all
     * @param waitInOpenState how long it stays open before trial calls; deliveries meanwhile retry no earlier
     * @param permittedCallsInHalfOpenState trial calls that decide whether it closes again
     */
    public record Breaker(
            @Min(value = 1, message = "must be a percentage from 1 to 100, e.g. 50")
            @Max(value = 100, message = "must be a percentage from 1 to 100, e.g. 50")
            @DefaultValue("50")
            float failureRateThreshold,

            @Min(value = 1, message = "must be at least 1, e.g. 10") @DefaultValue("10")
            int slidingWindowSize,

            @Min(value = 1, message = "must be at least 1, e.g. 5") @DefaultValue("5")
            int minimumNumberOfCalls,

            @NotNull(message = "must be a duration such as 60s")
            @DurationMin(millis = 1, message = "must be longer than zero, e.g. 60s")
            @DefaultValue("60s")
            Duration waitInOpenState,

            @Min(value = 1, message = "must be at least 1, e.g. 2") @DefaultValue("2")
            int permittedCallsInHalfOpenState) {}
}
