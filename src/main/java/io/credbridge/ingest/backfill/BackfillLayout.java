package io.credbridge.ingest.backfill;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one kind of export file maps to LearningEvents: which column holds what. Column names are matched to the
 * file's header ignoring case and surrounding spaces; a file may have other columns too.
 *
 * @param learnerColumn the learner's identifier (required)
 * @param learnerScheme what kind of identifier it is: {@code account} (default) or {@code mbox}, as
 *     credbridge.identity.accepted-schemes lists them
 * @param learnerNamespace where the identifier is unique (an {@code account}'s homePage), or null
 * @param courseColumn the course (required); {@code course-prefix} is put before the value to make the course IRI
 *     the catalog names, e.g. {@code https://lms.example.edu/courses/}
 * @param activityColumn for grades: the graded activity (else the course is graded); {@code activity-prefix} as
 *     for the course
 * @param type {@code completion} or {@code grade} when every row is one of them; else {@code type-column} names
 *     the column saying it per row (completion or grade)
 * @param scoreColumn the raw score; {@code min-column}, {@code max-column}, {@code scaled-column} (-1..1) and
 *     {@code passed-column} (true/false, yes/no, 1/0) are optional too; a grade row needs at least one of them
 * @param attemptColumn the source's id of the graded attempt (a later row with the same one is a regrade)
 * @param occurredAtColumn when the learner did it (required): each row its own time
 * @param occurredAtFormat {@code iso} (default: an ISO-8601 instant, offset date-time, local date-time or date),
 *     {@code epoch-seconds}, {@code epoch-millis}, or a DateTimeFormatter pattern such as {@code MM/dd/yyyy HH:mm}
 * @param occurredAtZone the zone of times that carry no offset of their own (default UTC)
 * @param sourceSystem the platform the export came from, carried on each event (optional)
 */
public record BackfillLayout(
        String learnerColumn,
        String learnerScheme,
        String learnerNamespace,
        String courseColumn,
        String coursePrefix,
        String activityColumn,
        String activityPrefix,
        String type,
        String typeColumn,
        String scoreColumn,
        String minColumn,
        String maxColumn,
        String scaledColumn,
        String passedColumn,
        String attemptColumn,
        String occurredAtColumn,
        String occurredAtFormat,
        String occurredAtZone,
        String sourceSystem) {

    static final String COMPLETION = "completion";
    static final String GRADE = "grade";
    static final String ISO = "iso";
    static final String EPOCH_SECONDS = "epoch-seconds";
    static final String EPOCH_MILLIS = "epoch-millis";

    public BackfillLayout {
        learnerScheme = blank(learnerScheme) ? "account" : learnerScheme.trim();
        coursePrefix = coursePrefix == null ? "" : coursePrefix;
        activityPrefix = activityPrefix == null ? "" : activityPrefix;
        occurredAtFormat = blank(occurredAtFormat) ? ISO : occurredAtFormat;
        occurredAtZone = blank(occurredAtZone) ? "UTC" : occurredAtZone.trim();
        type = blank(type) ? null : type.trim().toLowerCase(Locale.ROOT);
    }

    /** What is wrong with this layout, each message naming the property to fix; empty when it can be used. */
    List<String> problems(String name) {
        String at = "credbridge.ingest.backfill.layouts." + name + ".";
        List<String> problems = new ArrayList<>();
        if (blank(learnerColumn)) {
            problems.add(at + "learner-column is required: the column holding the learner's identifier");
        }
        if (blank(courseColumn)) {
            problems.add(at + "course-column is required: the column holding the course");
        }
        if (blank(occurredAtColumn)) {
            problems.add(at + "occurred-at-column is required: the column saying when the learner did it");
        }
        if (type == null && blank(typeColumn)) {
            problems.add(at + "type (completion or grade) or type-column (a column saying it per row) is required");
        } else if (type != null && !blank(typeColumn)) {
            problems.add(at + "type and type-column exclude each other: set one");
        } else if (type != null && !COMPLETION.equals(type) && !GRADE.equals(type)) {
            problems.add(at + "type must be completion or grade, was " + type);
        }
        if (GRADE.equals(type) && blank(scoreColumn) && blank(scaledColumn) && blank(passedColumn)) {
            problems.add(at + "a grade layout needs score-column, scaled-column or passed-column");
        }
        if (!"account".equals(learnerScheme) && !"mbox".equals(learnerScheme)) {
            problems.add(at + "learner-scheme must be account or mbox, was " + learnerScheme);
        }
        try {
            ZoneId.of(occurredAtZone);
        } catch (DateTimeException e) {
            problems.add(at + "occurred-at-zone is not a time zone (e.g. UTC or America/Chicago): " + occurredAtZone);
        }
        if (!List.of(ISO, EPOCH_SECONDS, EPOCH_MILLIS).contains(occurredAtFormat)) {
            try {
                DateTimeFormatter.ofPattern(occurredAtFormat);
            } catch (IllegalArgumentException e) {
                problems.add(at + "occurred-at-format must be iso, epoch-seconds, epoch-millis or a DateTimeFormatter"
                        + " pattern such as MM/dd/yyyy HH:mm; " + occurredAtFormat + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /** Every column the layout reads, as configured, in the order a header should name them. */
    List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (String column : new String[] {
            learnerColumn,
            courseColumn,
            activityColumn,
            typeColumn,
            scoreColumn,
            minColumn,
            maxColumn,
            scaledColumn,
            passedColumn,
            attemptColumn,
            occurredAtColumn
        }) {
            if (!blank(column)) {
                columns.add(column.trim());
            }
        }
        return columns;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
