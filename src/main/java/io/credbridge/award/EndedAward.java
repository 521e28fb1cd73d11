package io.credbridge.award;

/** An award that was just revoked, expired, suspended or reinstated, and why. */
record EndedAward(AwardRecord award, String reason) {

    String credentialId() {
        return award.credentialId();
    }
}
