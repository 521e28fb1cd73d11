package io.credbridge.award;

/** An award that was just revoked or expired, and why. */
record EndedAward(AwardRecord award, String reason) {

    String credentialId() {
        return award.credentialId();
    }
}
