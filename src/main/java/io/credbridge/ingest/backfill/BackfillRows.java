package io.credbridge.ingest.backfill;

import io.credbridge.avro.LearnerIdentifier;
import io.credbridge.avro.LearningEvent;
import io.credbridge.avro.LearningEventType;
import io.credbridge.avro.Score;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a backfill file row by row (RFC 4180 CSV with a header line), without holding it in memory: each row
 * becomes a LearningEvent or the problems that keep it from being one, each with its line and column. The event id
 * is derived from the layout's name and what the row says (not from its line), so the same row in the same file,
 * or in a later export, gets the same id.
 */
final class BackfillRows implements Closeable {

    static final String SOURCE = "backfill";

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /**
     * One row: its line and either its event (null when only checked) or what is wrong with it.
     *
     * @param values the row's fields as the file has them (none when the line cannot be read)
     */
    record Row(long line, LearningEvent event, List<LineProblem> problems, List<String> values) {

        boolean good() {
            return problems.isEmpty();
        }
    }

    /** The header names none of some column the layout reads, or is missing: no row can be read. */
    static final class UnreadableHeaderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient List<LineProblem> problems;

        UnreadableHeaderException(List<LineProblem> problems) {
            super(problems.get(0).describe());
            this.problems = List.copyOf(problems);
        }

        List<LineProblem> problems() {
            return problems;
        }
    }

    private final String layoutName;
    private final BackfillLayout layout;
    private final Instant receivedAt;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ZoneId zone;
    private final DateTimeFormatter pattern;
    private int headerSize;
    private final List<String> header = new ArrayList<>();
    private int learner;
    private int course;
    private int activity;
    private int type;
    private int score;
    private int min;
    private int max;
    private int scaled;
    private int passed;
    private int attempt;
    private int occurredAt;
    private long lastLine;
    private boolean broken;
    /** Whether rows become events, or are only checked (the first pass needs no event, nor its id). */
    private boolean building = true;

    /** @throws UnreadableHeaderException when the file is empty or its header lacks a column the layout reads */
    BackfillRows(Reader reader, String layoutName, BackfillLayout layout, Instant receivedAt) {
        this.layoutName = layoutName;
        this.layout = layout;
        this.receivedAt = receivedAt.truncatedTo(ChronoUnit.MILLIS);
        this.zone = ZoneId.of(layout.occurredAtZone());
        this.pattern = List.of(BackfillLayout.ISO, BackfillLayout.EPOCH_SECONDS, BackfillLayout.EPOCH_MILLIS)
                        .contains(layout.occurredAtFormat())
                ? null
                : DateTimeFormatter.ofPattern(layout.occurredAtFormat(), Locale.ROOT);
        try {
            this.parser = CSVParser.parse(reader, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
        header();
    }

    private void header() {
        CSVRecord record;
        try {
            record = records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw new UnreadableHeaderException(
                    List.of(new LineProblem(1, null, "the header cannot be read: " + e.getMessage())));
        }
        lastLine = parser.getCurrentLineNumber();
        if (record == null || record.stream().allMatch(String::isBlank)) {
            throw new UnreadableHeaderException(List.of(new LineProblem(
                    1,
                    null,
                    "the first line must be the header naming the columns, e.g. "
                            + String.join(",", layout.columns()))));
        }
        List<String> names = new ArrayList<>();
        for (String name : record) {
            String column = name.startsWith("\uFEFF") ? name.substring(1) : name;
            header.add(column);
            names.add(key(column));
        }
        headerSize = names.size();
        List<LineProblem> problems = new ArrayList<>();
        for (String column : layout.columns()) {
            int first = names.indexOf(key(column));
            if (first < 0) {
                problems.add(new LineProblem(
                        1,
                        column,
                        "is missing from the header; layout " + layoutName + " reads "
                                + String.join(", ", layout.columns())));
            } else if (names.lastIndexOf(key(column)) != first) {
                problems.add(new LineProblem(1, column, "appears twice in the header; which one to read is unclear"));
            }
        }
        if (!problems.isEmpty()) {
            throw new UnreadableHeaderException(problems);
        }
        learner = names.indexOf(key(layout.learnerColumn()));
        course = names.indexOf(key(layout.courseColumn()));
        activity = index(names, layout.activityColumn());
        type = index(names, layout.typeColumn());
        score = index(names, layout.scoreColumn());
        min = index(names, layout.minColumn());
        max = index(names, layout.maxColumn());
        scaled = index(names, layout.scaledColumn());
        passed = index(names, layout.passedColumn());
        attempt = index(names, layout.attemptColumn());
        occurredAt = names.indexOf(key(layout.occurredAtColumn()));
    }

    /** The column names, as the header line has them. */
    List<String> headerNames() {
        return List.copyOf(header);
    }

    /** Rows are checked from here on but not made into events: {@link Row#event()} is null for good rows too. */
    BackfillRows checkOnly() {
        building = false;
        return this;
    }

    /** The next non-blank row, or null at the end of the file. */
    Row next() {
        while (!broken) {
            CSVRecord record;
            long line = lastLine + 1;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                // commons-csv stops at a quote that is never closed, and a reader at bytes not in the charset.
                broken = true;
                return new Row(line, null, List.of(new LineProblem(line, null, unreadable(e))), List.of());
            }
            lastLine = parser.getCurrentLineNumber();
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            return row(line, record);
        }
        return null;
    }

    private static String unreadable(UncheckedIOException e) {
        if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
            return "the file is not text in the charset it was sent with; save it as UTF-8 or name its charset in"
                    + " the Content-Type, e.g. text/csv; charset=windows-1252";
        }
        return "a quoted field is never closed (a \" is missing), or the line cannot be read: " + e.getMessage();
    }

    private Row row(long line, CSVRecord record) {
        List<LineProblem> problems = new ArrayList<>(0);
        if (record.size() != headerSize) {
            problems.add(new LineProblem(
                    line,
                    null,
                    "has " + record.size() + " field(s) but the header has " + headerSize
                            + " (a value with a comma must be quoted)"));
            return new Row(line, null, problems, record.toList());
        }
        String learnerId = required(record, learner, layout.learnerColumn(), line, problems);
        String courseId = required(record, course, layout.courseColumn(), line, problems);
        boolean grade = grade(record, line, problems);
        Instant when = occurredAt(record, line, problems);
        Double given = number(record, score, layout.scoreColumn(), line, problems);
        Double lowest = number(record, min, layout.minColumn(), line, problems);
        Double highest = number(record, max, layout.maxColumn(), line, problems);
        Double scaledScore = number(record, scaled, layout.scaledColumn(), line, problems);
        Boolean pass = passed(record, line, problems);
        if (scaledScore != null && (scaledScore < -1 || scaledScore > 1)) {
            problems.add(new LineProblem(line, layout.scaledColumn(), "must be between -1 and 1, was " + scaledScore));
        }
        if (lowest != null && highest != null && lowest >= highest) {
            problems.add(new LineProblem(
                    line, layout.maxColumn(), "must be more than " + layout.minColumn() + " (" + lowest + ")"));
        }
        if (grade && given == null && scaledScore == null && pass == null) {
            problems.add(new LineProblem(line, firstScoreColumn(), "a grade needs a score, a scaled score or passed"));
        }
        if (!problems.isEmpty() || !building) {
            return new Row(line, null, problems, record.toList());
        }
        String courseIri = layout.coursePrefix() + courseId;
        String activityId = value(record, activity);
        String objectId = grade && activityId != null ? layout.activityPrefix() + activityId : courseIri;
        String attemptId = value(record, attempt);
        if (grade && scaledScore == null && given != null && lowest != null && highest != null) {
            scaledScore = (given - lowest) / (highest - lowest);
        }
        Score result = grade ? new Score(given, lowest, highest, scaledScore, pass) : null;
        LearningEvent event = LearningEvent.newBuilder()
                .setEventId(eventId(learnerId, grade, objectId, courseIri, attemptId, result, when))
                .setSource(SOURCE)
                .setSourceSystem(layout.sourceSystem())
                .setOccurredAt(when)
                .setReceivedAt(receivedAt)
                .setType(grade ? LearningEventType.ASSESSMENT_GRADED : LearningEventType.COURSE_COMPLETED)
                .setLearnerIds(
                        List.of(new LearnerIdentifier(layout.learnerScheme(), learnerId, layout.learnerNamespace())))
                .setObjectId(objectId)
                .setCourseIds(List.of(courseIri))
                .setScore(result)
                .setAttemptId(attemptId)
                .build();
        return new Row(line, event, List.of(), List.of());
    }

    /** The same row content under the same layout, whichever file or line it is on, gets the same id. */
    private String eventId(
            String learnerId,
            boolean grade,
            String objectId,
            String courseIri,
            String attemptId,
            Score result,
            Instant when) {
        StringBuilder content = new StringBuilder(160)
                .append(SOURCE)
                .append('\u001f')
                .append(layoutName)
                .append('\u001f')
                .append(layout.learnerScheme())
                .append('\u001f')
                .append(layout.learnerNamespace())
                .append('\u001f')
                .append(learnerId)
                .append('\u001f')
                .append(grade ? BackfillLayout.GRADE : BackfillLayout.COMPLETION)
                .append('\u001f')
                .append(objectId)
                .append('\u001f')
                .append(courseIri)
                .append('\u001f')
                .append(attemptId)
                .append('\u001f')
                .append(when.toEpochMilli());
        if (result != null) {
            content.append('\u001f')
                    .append(result.getGiven())
                    .append('\u001f')
                    .append(result.getMin())
                    .append('\u001f')
                    .append(result.getMax())
                    .append('\u001f')
                    .append(result.getScaled())
                    .append('\u001f')
                    .append(result.getPassed());
        }
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private boolean grade(CSVRecord record, long line, List<LineProblem> problems) {
        if (layout.type() != null) {
            return BackfillLayout.GRADE.equals(layout.type());
        }
        String value = value(record, type);
        if (value == null) {
            problems.add(new LineProblem(line, layout.typeColumn(), "is required: completion or grade"));
            return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case BackfillLayout.COMPLETION:
                return false;
            case BackfillLayout.GRADE:
                return true;
            default:
                problems.add(
                        new LineProblem(line, layout.typeColumn(), "must be completion or grade, was '" + value + "'"));
                return false;
        }
    }

    private Instant occurredAt(CSVRecord record, long line, List<LineProblem> problems) {
        String value = required(record, occurredAt, layout.occurredAtColumn(), line, problems);
        if (value == null) {
            return Instant.EPOCH;
        }
        try {
            return switch (layout.occurredAtFormat()) {
                case BackfillLayout.EPOCH_SECONDS -> Instant.ofEpochSecond(Long.parseLong(value));
                case BackfillLayout.EPOCH_MILLIS -> Instant.ofEpochMilli(Long.parseLong(value));
                case BackfillLayout.ISO -> iso(value);
                default -> patterned(value);
            };
        } catch (DateTimeException | NumberFormatException e) {
            problems.add(new LineProblem(
                    line,
                    layout.occurredAtColumn(),
                    "is not a time in the layout's format " + layout.occurredAtFormat() + ": '" + value + "'"));
            return Instant.EPOCH;
        }
    }

    private Instant iso(String value) {
        if (value.length() <= 10) {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        }
        return instant(DateTimeFormatter.ISO_DATE_TIME.parse(value.replace(' ', 'T')));
    }

    private Instant patterned(String value) {
        return instant(pattern.parse(value));
    }

    /**
     * The instant a parsed time names: its own offset or zone when it has one, else the layout's zone. Asked of the
     * parsed fields rather than tried type by type, which costs an exception per miss on every row.
     */
    private Instant instant(TemporalAccessor parsed) {
        if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
            return Instant.from(parsed);
        }
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date == null) {
            throw new DateTimeException("no date in " + parsed);
        }
        LocalTime time = parsed.query(TemporalQueries.localTime());
        return (time == null ? date.atStartOfDay(zone) : date.atTime(time).atZone(zone)).toInstant();
    }

    private Double number(CSVRecord record, int index, String column, long line, List<LineProblem> problems) {
        String value = value(record, index);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new LineProblem(line, column, "must be a number, was '" + value + "'"));
        return null;
    }

    private Boolean passed(CSVRecord record, long line, List<LineProblem> problems) {
        String value = value(record, passed);
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "passed", "pass":
                return true;
            case "false", "no", "n", "0", "failed", "fail":
                return false;
            default:
                problems.add(new LineProblem(
                        line, layout.passedColumn(), "must be true or false (yes/no, 1/0), was '" + value + "'"));
                return null;
        }
    }

    private String firstScoreColumn() {
        for (String column : new String[] {layout.scoreColumn(), layout.scaledColumn(), layout.passedColumn()}) {
            if (!BackfillLayout.blank(column)) {
                return column;
            }
        }
        return null;
    }

    private static String required(CSVRecord record, int index, String column, long line, List<LineProblem> problems) {
        String value = value(record, index);
        if (value == null) {
            problems.add(new LineProblem(line, column, "is required"));
        }
        return value;
    }

    private static String value(CSVRecord record, int index) {
        if (index < 0) {
            return null;
        }
        String value = record.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static int index(List<String> names, String column) {
        return BackfillLayout.blank(column) ? -1 : names.indexOf(key(column));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
