package io.credbridge.badge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a BadgeIssuance record tells its subscribers about the learner.
 *
 * @param learnerEmail put the learner's e-mail address in {@code learner.email}, where the learner is known by one;
 *     off by default, because these records fan out to every badging platform and CRM that subscribes
 */
@ConfigurationProperties("credbridge.badge.issuance")
record BadgeIssuanceProperties(@DefaultValue("false") boolean learnerEmail) {}
