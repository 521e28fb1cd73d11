package io.credbridge.ingest.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What CredBridge answers on the LRS resources it does not implement as an LRS would: the About resource (which xAPI
 * versions it takes, so a client library can pick one) and a clear refusal to serve statements back.
 */
@Component("lrsResources")
public class LrsResources {

    /** The version CredBridge states in every answer's X-Experience-API-Version header: xAPI's latest 1.0 patch. */
    public static final String ANSWERED_VERSION = "1.0.3";

    /** What {@link XapiVersion} accepts, spelled out: 1.0 and 1.0.x, 2.0 and 2.0.x. */
    static final List<String> ACCEPTED_VERSIONS = List.of("1.0.3", "1.0.2", "1.0.1", "1.0.0", "2.0.0");

    /** The methods {@code /lms/xapi/statements} takes. */
    public static final String STATEMENT_METHODS = "PUT, POST";

    private final ObjectMapper json = new ObjectMapper();

    /** {@code GET /about}: {"version": [...]}, as xAPI 1.0.3 Communication 2.8 defines it. */
    public String about() {
        ObjectNode about = json.createObjectNode();
        ACCEPTED_VERSIONS.forEach(about.putArray("version")::add);
        return about.toString();
    }

    /** {@code GET /statements}: an RFC 9457 problem, answered 405 with an Allow header. */
    public String retrievalRefused() {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "urn:credbridge:problem:method-not-allowed");
        problem.put("title", "CredBridge is not an LRS");
        problem.put("status", 405);
        problem.put(
                "detail",
                "CredBridge receives xAPI statements (" + STATEMENT_METHODS + " /lms/xapi/statements) and turns the"
                        + " ones it acts on into learning events; it does not store statements to serve them back."
                        + " Query your LRS to read statements.");
        return problem.toString();
    }
}
