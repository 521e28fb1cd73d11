package io.credbridge.ingest.canvas;

import java.math.BigInteger;

/**
 * Canvas's ids as CredBridge writes them. Canvas sends some ids global ({@code shard * 10^13 + local}, e.g.
 * {@code 21070000000000048}) and others local ({@code 48}), even for the same user in different events; the local
 * id is the one its own URLs use, so every id is written local and one learner keeps one identifier.
 */
final class CanvasIds {

    private static final BigInteger SHARD_FACTOR = BigInteger.TEN.pow(13);

    private CanvasIds() {}

    /** The local id of a global or local Canvas id; an id that is not a number is kept as it is. */
    static String local(String id) {
        if (id.isEmpty() || id.length() > 30 || !id.chars().allMatch(Character::isDigit)) {
            return id;
        }
        return new BigInteger(id).remainder(SHARD_FACTOR).toString();
    }

    /** The namespace of Canvas user ids: the instance's address, as an xAPI account's homePage would be. */
    static String users(String instance) {
        return instance;
    }

    /** The namespace of SIS user ids as Canvas holds them ({@code sis_user_id} in its API). */
    static String sisUsers(String instance) {
        return instance + "/sis_user_id";
    }

    /** The namespace of the user uuids learning outcome results carry. */
    static String userUuids(String instance) {
        return instance + "/uuid";
    }

    static String course(String instance, String id) {
        return instance + "/courses/" + local(id);
    }

    /**
     * An assignment's IRI without its course: {@code grade_change} names no course when Canvas grades in a job, and
     * one assignment must keep one IRI whichever event reports on it.
     */
    static String assignment(String instance, String id) {
        return instance + "/assignments/" + local(id);
    }

    static String outcome(String instance, String id) {
        return instance + "/outcomes/" + local(id);
    }
}
