package io.credbridge.badge;

import io.credbridge.award.AwardChange;

/** Where an award's credential says its revocation status is published. */
@FunctionalInterface
interface CredentialStatuses {

    StatusListEntry entryFor(AwardChange award);
}
