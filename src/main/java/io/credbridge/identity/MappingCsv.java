package io.credbridge.identity;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a mapping upload: RFC 4180 CSV with a header line naming its columns (in any order), one learner or
 * course mapping per line. A file is taken whole or not at all: every problem is collected, each with its line
 * and column, and reported together.
 */
final class MappingCsv {

    static final String KIND = "kind";
    static final String SCHEME = "scheme";
    static final String NAMESPACE = "lms_namespace";
    static final String LMS_ID = "lms_id";
    static final String SIS_ID = "sis_id";
    static final String SECTION = "sis_section";
    static final String TERM = "sis_term";
    static final List<String> COLUMNS = List.of(KIND, SCHEME, NAMESPACE, LMS_ID, SIS_ID, SECTION, TERM);
    static final List<String> REQUIRED = List.of(KIND, LMS_ID, SIS_ID);

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private MappingCsv() {}

    /** What a valid file holds. */
    record Mappings(List<LearnerMapping> learners, List<CourseMapping> courses) {}

    /**
     * @param line where the line starts in the file (the header is line 1; a quoted field may span lines)
     * @param column the column at fault, or null when it is the whole line
     */
    record LineProblem(long line, String column, String detail) {}

    static final class InvalidMappingFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient List<LineProblem> problems;

        InvalidMappingFileException(List<LineProblem> problems) {
            super(problems.size() + " problem(s) in the mapping file");
            this.problems = problems.stream()
                    .sorted(Comparator.comparingLong(LineProblem::line))
                    .toList();
        }

        List<LineProblem> problems() {
            return problems;
        }
    }

    /**
     * @param actor who uploads the file, recorded on every mapping
     * @throws InvalidMappingFileException listing every problem when any line is wrong
     */
    static Mappings parse(String text, String actor, Instant now) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            throw new InvalidMappingFileException(List.of(new LineProblem(
                    1,
                    null,
                    "the file is empty: it needs a header line (" + String.join(",", COLUMNS)
                            + ") and a mapping per line")));
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(body), FORMAT)) {
            return new Reading(parser, actor, now).read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One pass over a file: the header, then every line, collecting problems as it goes. */
    private static final class Reading {

        private final CSVParser parser;
        private final String actor;
        private final Instant now;
        private final List<LineProblem> problems = new ArrayList<>();
        private final List<LearnerMapping> learners = new ArrayList<>();
        private final List<CourseMapping> courses = new ArrayList<>();
        private final Map<LearnerMappingKey, Long> learnerLines = new HashMap<>();
        private final Map<String, Long> courseLines = new HashMap<>();
        private List<String> header;
        private long lastLine;

        Reading(CSVParser parser, String actor, Instant now) {
            this.parser = parser;
            this.actor = actor;
            this.now = now;
        }

        Mappings read() {
            Iterator<CSVRecord> records = parser.iterator();
            try {
                if (!header(records.next())) {
                    throw new InvalidMappingFileException(problems);
                }
                while (records.hasNext()) {
                    line(records.next());
                }
            } catch (UncheckedIOException e) {
                // commons-csv stops at a quote that is never closed; what was read before still counts.
                problems.add(new LineProblem(
                        lastLine + 1, null, "a quoted field is never closed (a \" is missing): " + e.getMessage()));
            }
            if (problems.isEmpty() && learners.isEmpty() && courses.isEmpty()) {
                problems.add(new LineProblem(2, null, "the file has a header but no mappings"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidMappingFileException(problems);
            }
            return new Mappings(List.copyOf(learners), List.copyOf(courses));
        }

        /** @return whether the header can be read by: no unknown, repeated or missing columns */
        private boolean header(CSVRecord record) {
            lastLine = parser.getCurrentLineNumber();
            header = record.stream()
                    .map(name -> name.trim().toLowerCase(Locale.ROOT))
                    .toList();
            if (blank(record)) {
                problems.add(new LineProblem(
                        1, null, "the first line must be the header, e.g. " + String.join(",", COLUMNS)));
                return false;
            }
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (!COLUMNS.contains(name)) {
                    problems.add(new LineProblem(
                            1,
                            name,
                            "is not a column of a mapping file; the columns are " + String.join(", ", COLUMNS)));
                } else if (header.indexOf(name) != i) {
                    problems.add(new LineProblem(1, name, "appears twice in the header"));
                }
            }
            REQUIRED.stream()
                    .filter(name -> !header.contains(name))
                    .forEach(name -> problems.add(new LineProblem(
                            1,
                            name,
                            "is missing from the header; every file needs " + String.join(", ", REQUIRED)
                                    + " (learner lines also scheme and lms_namespace)")));
            return problems.isEmpty();
        }

        private void line(CSVRecord record) {
            long line = lastLine + 1;
            lastLine = parser.getCurrentLineNumber();
            if (blank(record)) {
                return;
            }
            if (record.size() != header.size()) {
                problems.add(new LineProblem(
                        line,
                        null,
                        "has " + record.size() + " field(s) but the header has " + header.size()
                                + " (a value with a comma must be quoted)"));
                return;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String value = record.get(i).trim();
                fields.put(header.get(i), value.isEmpty() ? null : value);
            }
            String kind = fields.get(KIND);
            if (kind == null) {
                problems.add(new LineProblem(line, KIND, "is required: learner or course"));
                return;
            }
            switch (kind.toLowerCase(Locale.ROOT)) {
                case "learner" -> learner(line, fields);
                case "course" -> course(line, fields);
                default -> problems.add(new LineProblem(line, KIND, "must be learner or course (was '" + kind + "')"));
            }
        }

        private void learner(long line, Map<String, String> fields) {
            mustBeEmpty(line, fields, SECTION, "a learner (sections belong to courses)");
            mustBeEmpty(line, fields, TERM, "a learner (terms belong to courses)");
            List<MappingRules.Problem> wrong = MappingRules.learner(
                    fields.get(SCHEME), fields.get(NAMESPACE), fields.get(LMS_ID), fields.get(SIS_ID));
            LearnerMappingKey key = wrong.isEmpty()
                    ? new LearnerMappingKey(fields.get(SCHEME), fields.get(NAMESPACE), fields.get(LMS_ID))
                    : null;
            if (valid(line, wrong, learnerLines, key, "learner identifier")) {
                learners.add(new LearnerMapping(key, fields.get(SIS_ID), now, actor));
            }
        }

        private void course(long line, Map<String, String> fields) {
            mustBeEmpty(line, fields, SCHEME, "a course (schemes belong to learner identifiers)");
            mustBeEmpty(line, fields, NAMESPACE, "a course (the course IRI says where it is from)");
            List<MappingRules.Problem> wrong =
                    MappingRules.course(fields.get(LMS_ID), fields.get(SIS_ID), fields.get(SECTION), fields.get(TERM));
            if (valid(line, wrong, courseLines, fields.get(LMS_ID), "course")) {
                courses.add(new CourseMapping(
                        fields.get(LMS_ID), fields.get(SIS_ID), fields.get(SECTION), fields.get(TERM), now, actor));
            }
        }

        /**
         * Records the line's problems, or that it maps what an earlier line mapped.
         *
         * @return whether the line is good to store: no problem on it so far and its key not seen before
         */
        private <K> boolean valid(
                long line, List<MappingRules.Problem> wrong, Map<K, Long> firstLines, K key, String what) {
            wrong.forEach(problem -> problems.add(new LineProblem(line, problem.field().csv, problem.detail())));
            boolean clean =
                    problems.isEmpty() || problems.get(problems.size() - 1).line() != line;
            if (!clean) {
                return false;
            }
            Long first = firstLines.putIfAbsent(key, line);
            if (first != null) {
                problems.add(new LineProblem(
                        line, LMS_ID, "maps the same " + what + " as line " + first + "; map each once"));
                return false;
            }
            return true;
        }

        private void mustBeEmpty(long line, Map<String, String> fields, String column, String what) {
            if (fields.get(column) != null) {
                problems.add(new LineProblem(line, column, "must be empty for " + what));
            }
        }

        private static boolean blank(CSVRecord record) {
            return record.stream().allMatch(String::isBlank);
        }
    }
}
