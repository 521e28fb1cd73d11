package io.credbridge.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a learner or a course mapping valid, for the CSV upload and the JSON API alike. */
final class MappingRules {

    static final Set<String> SCHEMES = Set.of("account", "mbox", "mbox_sha1sum", "openid");
    static final int MAX_SIS_ID = 255;
    static final int MAX_COURSE_ID = 1024;

    private static final Pattern ABSOLUTE_IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

    private MappingRules() {}

    /** A part of a mapping, named as the JSON API and as the CSV file name it. */
    enum Field {
        SCHEME("scheme", "scheme"),
        NAMESPACE("namespace", "lms_namespace"),
        VALUE("value", "lms_id"),
        SIS_PERSON_ID("sisPersonId", "sis_id"),
        LMS_COURSE_ID("lmsCourseId", "lms_id"),
        SIS_COURSE_CODE("sisCourseCode", "sis_id"),
        SIS_SECTION("sisSection", "sis_section"),
        SIS_TERM("sisTerm", "sis_term");

        final String json;
        final String csv;

        Field(String json, String csv) {
            this.json = json;
            this.csv = csv;
        }
    }

    /** @param detail what is wrong and what would be right, without the field's name */
    record Problem(Field field, String detail) {}

    static List<Problem> learner(String scheme, String namespace, String value, String sisPersonId) {
        List<Problem> problems = new ArrayList<>();
        if (blank(scheme)) {
            problems.add(new Problem(Field.SCHEME, "is required: account, mbox, mbox_sha1sum or openid"));
        } else if (!SCHEMES.contains(scheme)) {
            problems.add(new Problem(
                    Field.SCHEME, "must be one of account, mbox, mbox_sha1sum, openid (was '" + scheme + "')"));
        } else {
            namespace(scheme, namespace, problems);
            value(scheme, value, problems);
        }
        required(Field.SIS_PERSON_ID, sisPersonId, MAX_SIS_ID, "the learner's SIS person id", problems);
        return problems;
    }

    static List<Problem> course(String lmsCourseId, String sisCourseCode, String sisSection, String sisTerm) {
        List<Problem> problems = new ArrayList<>();
        if (required(Field.LMS_COURSE_ID, lmsCourseId, MAX_COURSE_ID, "the course IRI events carry", problems)
                && !ABSOLUTE_IRI.matcher(lmsCourseId).matches()) {
            problems.add(new Problem(
                    Field.LMS_COURSE_ID,
                    "must be an absolute IRI, the course id events carry, e.g."
                            + " https://lms.example.edu/courses/101 (was '" + lmsCourseId + "')"));
        }
        required(Field.SIS_COURSE_CODE, sisCourseCode, MAX_SIS_ID, "the SIS course code", problems);
        atMost(Field.SIS_SECTION, sisSection, MAX_SIS_ID, problems);
        atMost(Field.SIS_TERM, sisTerm, MAX_SIS_ID, problems);
        return problems;
    }

    private static void namespace(String scheme, String namespace, List<Problem> problems) {
        if (!scheme.equals("account")) {
            if (!blank(namespace)) {
                problems.add(new Problem(
                        Field.NAMESPACE,
                        "must be empty for " + scheme + ", which is unique on its own (only an account has a"
                                + " namespace, its homePage)"));
            }
            return;
        }
        if (required(
                        Field.NAMESPACE,
                        namespace,
                        LearnerMappingKey.MAX_LENGTH,
                        "an account's homePage, e.g. https://lms.example.edu",
                        problems)
                && !ABSOLUTE_IRI.matcher(namespace).matches()) {
            problems.add(new Problem(
                    Field.NAMESPACE,
                    "must be the account's homePage as an absolute IRI, e.g. https://lms.example.edu (was '" + namespace
                            + "')"));
        }
    }

    private static void value(String scheme, String value, List<Problem> problems) {
        if (!required(Field.VALUE, value, LearnerMappingKey.MAX_LENGTH, "the " + scheme + " identifier", problems)) {
            return;
        }
        String canonical = new LearnerMappingKey(scheme, "", value).value();
        String wrong = switch (scheme) {
            case "mbox" ->
                EMAIL.matcher(canonical).matches() ? null : "must be an e-mail address, with or without mailto:";
            case "mbox_sha1sum" ->
                SHA1_HEX.matcher(canonical).matches()
                        ? null
                        : "must be 40 hexadecimal digits (the SHA-1 of the mailto IRI)";
            case "openid" ->
                ABSOLUTE_IRI.matcher(canonical).matches()
                        ? null
                        : "must be an OpenID URI such as https://openid.example.edu/alice";
            default -> null;
        };
        if (wrong != null) {
            problems.add(new Problem(Field.VALUE, wrong + " (was '" + value + "')"));
        }
    }

    /** @return whether the value is there and short enough, so that its content can be checked */
    private static boolean required(Field field, String value, int max, String what, List<Problem> problems) {
        if (blank(value)) {
            problems.add(new Problem(field, "is required: " + what));
            return false;
        }
        return atMost(field, value, max, problems);
    }

    private static boolean atMost(Field field, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "must be at most " + max + " characters (has " + value.length() + ")"));
            return false;
        }
        return true;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
