package io.credbridge.identity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param acceptedSchemes the learner identifier schemes awards can be keyed by, most preferred first: {@code
 *     account} (the LMS account name) and {@code mbox} (an e-mail address) identify a person; {@code
 *     mbox_sha1sum} and {@code openid} are accepted only if listed.
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
                acceptedSchemes) {}
