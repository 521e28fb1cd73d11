package io.credbridge.ingest;

import java.util.List;

/**
 * Input an ingest endpoint refuses as a whole. It becomes an RFC 9457 problem-details answer;
 * nothing from the request is published.
 */
public class RejectedInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient List<Violation> violations;
    private final String challenge;

    public RejectedInputException(int status, String title, String detail, List<Violation> violations) {
        this(status, title, detail, violations, null);
    }

    /**
     * @param challenge for a 401, the {@code WWW-Authenticate} value telling the sender which scheme to use
     *     (RFC 9110 §11.6.1); null when the source authenticates some other way
     */
    public RejectedInputException(
            int status, String title, String detail, List<Violation> violations, String challenge) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.challenge = challenge;
    }

    /** A 401 whose one violation is the detail, with the challenge naming the scheme the sender must use. */
    public static RejectedInputException unauthenticated(String title, String detail, String challenge) {
        return new RejectedInputException(401, title, detail, List.of(new Violation("", detail)), challenge);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The {@code WWW-Authenticate} challenge to answer with, or null. */
    public String challenge() {
        return challenge;
    }

    /** Each rule the input broke, located by JSON Pointer (RFC 6901) into the request body. */
    public List<Violation> violations() {
        return violations;
    }

    /** The detail and every broken rule, in one line: why a message that has no one to answer was set aside. */
    public String describe() {
        StringBuilder text = new StringBuilder(title()).append(": ").append(detail());
        violations.stream()
                .map(Violation::message)
                .filter(message -> !message.equals(detail()))
                .forEach(message -> text.append("; ").append(message));
        return text.toString();
    }

    public record Violation(String pointer, String message) {}
}
