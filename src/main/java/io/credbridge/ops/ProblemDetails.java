package io.credbridge.ops;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details as every CredBridge API answers them: a status, a CredBridge type URN, a detail. */
public final class ProblemDetails {

    private ProblemDetails() {}

    /** @param type the problem's short name, e.g. {@code award-not-found} ({@code urn:credbridge:problem:<type>}) */
    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:credbridge:problem:" + type));
        return problem;
    }
}
