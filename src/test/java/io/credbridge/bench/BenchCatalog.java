package io.credbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated catalog for the award-stage benchmark. In every ten definitions, seven are badges for a course
 * each, two are certificates stacked on two badges each, and one is a diploma stacked on the two certificates:
 * stacking three levels deep. The benchmark's events complete only the courses of the first ten definitions,
 * so the work per event is the same whatever the catalog's size, and only the catalog's size changes between
 * runs: what the index by listened-to requirement must make irrelevant.
 */
final class BenchCatalog {

    private static final String ISSUER =
            "issuer: {id: \"https://credentials.demo.credbridge.io/issuers/continuing-education\", name: Bench University}\n";

    private BenchCatalog() {}

    /** Writes the definitions into {@code dir}; returns the catalog location to configure. */
    static String write(int definitions, Path dir) throws IOException {
        for (int i = 0; i < definitions; i++) {
            Files.writeString(dir.resolve("bench-" + i + ".yaml"), definition(i));
        }
        return dir.toUri() + "*.yaml";
    }

    /** Events cycle over the seven badge courses of the first ten definitions. */
    static String courseOfEvent(int event) {
        return course(event % 7);
    }

    private static String course(int definition) {
        return "https://lms.example.edu/bench/course-" + definition;
    }

    private static String definition(int i) {
        int position = i % 10;
        int group = i - position;
        String criteria;
        String kind;
        if (position < 7) {
            kind = "badge";
            criteria = "  - {type: course-completed, course: \"" + course(i) + "\"}\n";
        } else if (position < 9) {
            kind = "certificate";
            int firstBadge = group + (position - 7) * 2;
            criteria = held(firstBadge) + held(firstBadge + 1);
        } else {
            kind = "certification";
            criteria = held(group + 7) + held(group + 8);
        }
        return "id: bench-" + i + "\nversion: 1\nname: Bench " + i + "\nkind: " + kind + "\n" + ISSUER
                + "euMicroCredential: {learningOutcomes: [x], workload: {hours: 1}, eqfLevel: 4, assessmentType: x,"
                + " participation: online, qualityAssurance: x, awardingBodyCountry: NL}\n"
                + "criteria:\n" + criteria;
    }

    private static String held(int definition) {
        return "  - {type: credential-held, credential: bench-" + definition + "}\n";
    }
}
