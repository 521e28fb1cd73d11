package io.credbridge.identity;

import java.util.List;

/** A request to the identity API that breaks its rules; answered 400 with every problem, each naming its field. */
final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    InvalidRequestException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the request");
        this.problems = List.copyOf(problems);
    }

    static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    List<Problem> problems() {
        return problems;
    }

    /** @param pointer the JSON pointer of the field (or the query parameter) at fault */
    record Problem(String pointer, String detail) {

        static Problem of(MappingRules.Problem problem) {
            return new Problem("/" + problem.field().json, problem.field().json + " " + problem.detail());
        }
    }
}
