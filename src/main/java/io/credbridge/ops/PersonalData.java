package io.credbridge.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides e-mail addresses (and, through {@link LearnerRef}, other learner ids) in text that leaves the process for people other than the learner: log lines, stack
 * traces, dead-letter reasons. An xAPI learner is often known by an e-mail address ({@code mbox}), and database
 * errors quote the value they refused, so any message may carry one. Each address becomes a pseudonym, the same
 * one for the same address within a run (so the lines of one learner's trouble can still be followed) and not
 * recomputable from a list of addresses, since the salt is random and never leaves the process.
 */
public final class PersonalData {

    /**
     * An address, also one cut short (a database error quotes the first 80 characters of the value it refused, which
     * can end inside the domain). What follows an {@code @} as bare hex is an object's identity hash
     * ({@code java.lang.Object@1b6d3586}: at most eight hex digits), not an address, and stays.
     */
    private static final Pattern E_MAIL =
            Pattern.compile("(?i)(?:mailto:)?[a-z0-9][a-z0-9._%+'-]*@([a-z0-9-]+(?:\\.[a-z0-9-]+)*)");

    private static final Pattern IDENTITY_HASH = Pattern.compile("[0-9a-f]{1,8}");
    private static final byte[] SALT = new SecureRandom().generateSeed(16);

    private PersonalData() {}

    /** The text with every e-mail address (and {@code mailto:} IRI) replaced by {@code <e-mail 1a2b3c4d>}. */
    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher address = E_MAIL.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (address.find()) {
            String replacement =
                    IDENTITY_HASH.matcher(address.group(1)).matches() ? address.group() : pseudonym(address.group());
            address.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        return address.appendTail(masked).toString();
    }

    /**
     * Text CredBridge did not write and that may quote the learners it is about, such as a SIS's error message: each
     * of their ids where it stands on its own (not inside a longer word or number) becomes its {@link LearnerRef}
     * text, and every e-mail address is masked as {@link #mask(String)} does. Only the learners the caller names are
     * found; other student numbers cannot be told from other numbers.
     */
    public static String mask(String text, List<LearnerRef> learners) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (LearnerRef learner : learners) {
            if (learner.id() != null && !learner.id().isBlank()) {
                // Any case: a SIS may echo an id upper-cased; hiding one more look-alike costs nothing.
                masked = Pattern.compile(
                                "(?<![\\p{Alnum}])" + Pattern.quote(learner.id().strip()) + "(?![\\p{Alnum}])",
                                Pattern.CASE_INSENSITIVE)
                        .matcher(masked)
                        .replaceAll(Matcher.quoteReplacement(learner.toString()));
            }
        }
        return mask(masked);
    }

    /**
     * A learner id as {@link LearnerRef} shows it: with {@code masked}, {@code <learner 1a2b3c4d>}, or the
     * {@code <e-mail ...>} pseudonym for an id that is an address (so both ways of meeting it read the same); else the
     * id itself.
     */
    static String learner(String id, boolean masked) {
        if (!masked || id == null) {
            return String.valueOf(id);
        }
        String strippedId = id.strip();
        Matcher address = E_MAIL.matcher(strippedId);
        if (address.matches() && !IDENTITY_HASH.matcher(address.group(1)).matches()) {
            return pseudonym(strippedId);
        }
        // Not lower-cased: unlike addresses, LMS and SIS ids may tell learners apart by case.
        return "<learner " + hash(strippedId) + ">";
    }

    private static String pseudonym(String address) {
        String normalized = address.toLowerCase(Locale.ROOT);
        if (normalized.startsWith("mailto:")) {
            normalized = normalized.substring("mailto:".length());
        }
        return "<e-mail " + hash(normalized) + ">";
    }

    private static String hash(String value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(SALT);
            byte[] hash = sha256.digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
