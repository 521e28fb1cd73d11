package io.credbridge.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param acceptedSchemes the learner identifier schemes awards can be keyed by, most preferred first: {@code
 *     account} (the LMS account name) and {@code mbox} (an e-mail address) identify a person; {@code
 *     mbox_sha1sum} and {@code openid} are accepted only if listed.
 * @param requireSisId when true, awards are keyed by the learner's SIS person id, and an event whose learner has
 *     none yet is parked until a mapping arrives; when false (the default), awards are keyed by the first accepted
 *     LMS identifier and carry the SIS person id where one is known.
 * @param sisLookupCache how long and how many answers of the SIS person lookup are remembered
 * @param releaseSweepInterval how often parked events are offered again to the mapping table and the SIS lookup
 *     (routes/identity-release): the catch-all for a mapping committed while its event was being parked, or a
 *     learner the SIS lookup knows now
 */
@Validated
@ConfigurationProperties("credbridge.identity")
public record IdentityProperties(
        @NotEmpty(message = "must list at least one identifier scheme, e.g. [account, mbox]")
        List<
                        @Pattern(
                                regexp = "account|mbox|mbox_sha1sum|openid",
                                message = "must be one of account, mbox, mbox_sha1sum, openid")
                        String>
                acceptedSchemes,

        @DefaultValue("false") boolean requireSisId,

        @Valid @NotNull(message = "must be set, e.g. max-entries: 10000 and time-to-live: 10m") @DefaultValue
        SisLookupCache sisLookupCache,

        @NotNull(message = "must be set, e.g. 5m")
        @DurationMin(seconds = 1, message = "must be at least 1s, e.g. 5m")
        @DefaultValue("5m")
        Duration releaseSweepInterval) {

    @ConstructorBinding
    public IdentityProperties {}

    /** The defaults for everything but the accepted schemes: no SIS id required. */
    public IdentityProperties(List<String> acceptedSchemes) {
        this(acceptedSchemes, false, SisLookupCache.DEFAULTS, Duration.ofMinutes(5));
    }

    /**
     * @param maxEntries the most SIS person ids remembered; the least recently used go first
     * @param timeToLive how long a remembered id is used before the SIS is asked again
     */
    public record SisLookupCache(
            @Positive(message = "must be at least 1, e.g. 10000")
            @Max(value = 10_000_000, message = "must be at most 10000000; the cache lives in memory")
            @DefaultValue("10000")
            int maxEntries,

            @NotNull(message = "must be set, e.g. 10m")
            @DurationMin(seconds = 1, message = "must be at least 1s, e.g. 10m")
            @DefaultValue("10m")
            Duration timeToLive) {

        static final SisLookupCache DEFAULTS = new SisLookupCache(10_000, Duration.ofMinutes(10));
    }
}
