package io.credbridge.ingest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every ingest endpoint refuses before a source reads the request, so that no source has to: a client sending
 * faster than its rate (429 with Retry-After), a body larger than the limit (413, not read), and a text body that
 * is not UTF-8 (400, where decoding would otherwise put replacement characters into the event). The body is read
 * here once, within the limit, and handed on; since this filter owns reading it, it is also where a body labelled as
 * a form is kept from being parsed as form fields (see {@code ReadBody#getContentType}).
 */
public class IngestLimits extends OncePerRequestFilter {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final IngestLimitsProperties limits;
    private final ClientRates rates;
    private final IngestProblems problems;

    public IngestLimits(IngestLimitsProperties limits, IngestProblems problems) {
        this.limits = limits;
        this.rates = limits.requestsPerSecond() == 0
                ? null
                : new ClientRates(limits.requestsPerSecond(), limits.trackedClients());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String source = sourceOf(request.getRequestURI());
        if (rates != null && !rates.admit(clientOf(request))) {
            response.setHeader("Retry-After", "1");
            refuse(
                    response,
                    source,
                    429,
                    "Too many requests",
                    "This client sent more than " + limits.requestsPerSecond() + " requests in a second; nothing"
                            + " from this request was accepted. Send it again after the Retry-After seconds.");
            return;
        }
        long maxBytes = limits.maxBodySize().toBytes();
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, source, 413, "The request body is too large", tooLarge(maxBytes));
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes);
        if (body == null) {
            refuse(response, source, 413, "The request body is too large", tooLarge(maxBytes));
            return;
        }
        if (isText(request.getContentType())) {
            String problem = utf8Problem(body);
            if (problem != null) {
                refuse(response, source, 400, "The request body is not UTF-8", problem);
                return;
            }
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static String tooLarge(long maxBytes) {
        return "The body is larger than the " + maxBytes + " bytes this endpoint takes"
                + " (credbridge.ingest.limits.max-body-size); nothing from this request was accepted. Split it into"
                + " smaller requests.";
    }

    private void refuse(HttpServletResponse response, String source, int status, String title, String detail)
            throws IOException {
        RejectedInputException problem = new RejectedInputException(
                status, title, detail, List.of(new RejectedInputException.Violation("", detail)));
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problems.rejected(problem, source));
        // Sent now: a sender waiting for "100 Continue" sends no body, so Tomcat, which would wait for that body
        // before answering, has to answer first.
        response.flushBuffer();
    }

    /** The source a path under /lms/ belongs to ({@code /lms/xapi/statements} is xapi), as the routes name it. */
    static String sourceOf(String path) {
        String rest = path.startsWith("/lms/") ? path.substring("/lms/".length()) : path;
        int slash = rest.indexOf('/');
        String source = slash < 0 ? rest : rest.substring(0, slash);
        return source.isBlank() || source.length() > 32 ? "unknown" : source.toLowerCase(Locale.ROOT);
    }

    /**
     * Who is sending, as far as can be told before the source authenticates: the HTTP Basic user, a digest of the
     * bearer token (tokens are secrets and are not kept), or else the remote address. A forged identity gains
     * nothing: it shares the rate of whoever it names and is refused by the source's authentication anyway.
     */
    static String clientOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String value = authorization.strip();
            if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String userAndPassword = new String(
                            Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
                    int colon = userAndPassword.indexOf(':');
                    return "basic:" + (colon < 0 ? userAndPassword : userAndPassword.substring(0, colon));
                } catch (IllegalArgumentException notBase64) {
                    // Counted by address below; the source answers 401.
                }
            } else if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return "bearer:" + digest(value.substring(7).strip());
            }
        }
        return "address:" + request.getRemoteAddr();
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The whole body, or null when it is longer than {@code maxBytes} (then not read further). */
    static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            total += read;
            if (total > maxBytes) {
                return null;
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }

    /** Multipart bodies carry binary parts (xAPI attachments); every other body an LMS sends is text. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        return !type.startsWith("multipart/") && !type.startsWith("application/octet-stream");
    }

    /** Why the bytes are not UTF-8, naming the first bad byte's offset; null when they are. */
    static String utf8Problem(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            decoder.decode(bytes);
            return null;
        } catch (MalformedInputException e) {
            return "The body is not valid UTF-8: " + e.getInputLength() + " malformed byte(s) at byte offset "
                    + bytes.position() + "; nothing from this request was accepted. Send the body in UTF-8.";
        } catch (CharacterCodingException e) {
            return "The body is not valid UTF-8 (" + e + "); nothing from this request was accepted.";
        }
    }

    /** The request with its body already read, for the source to read again. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already; read it blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        /**
         * No source takes a form, but senders label JSON and JWT bodies as one (Moodle's local_webhooks does, Canvas
         * may): told it is a form, Camel's HTTP binding parses the body as name=value pairs before any route runs and
         * fails with a 500. The Content-Type header itself stays as sent, for the sources that answer it (xAPI 400,
         * Caliper 415).
         */
        @Override
        public String getContentType() {
            String type = super.getContentType();
            return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith(FORM) ? null : type;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
