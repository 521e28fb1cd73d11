package io.credbridge.endtoend;

import io.credbridge.testsupport.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** xAPI statements as an LMS would send them, and the demo statements the README's quick start posts. */
final class XapiStatements {

    static final String HOME = "https://lms.demo.credbridge.io";
    static final String COURSE = "https://lms.demo.credbridge.io/courses/data-analysis-101";
    static final String EXAM = "https://lms.demo.credbridge.io/assessments/sql-final-exam";
    /** The course of the test catalog's suspendable lab-safety-clearance (catalog-suspension). */
    static final String LAB_SAFETY = "https://lms.demo.credbridge.io/courses/lab-safety";

    private XapiStatements() {}

    static String demo(String fileName) {
        try {
            return Files.readString(Path.of("deploy", "demo", "statements", fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String completed(String id, String learner, String course) {
        return """
                {"id": "%s",
                 "actor": {"objectType": "Agent", "account": {"homePage": "%s", "name": "%s"}},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
                 "object": {"objectType": "Activity", "id": "%s"},
                 "timestamp": "2026-11-20T10:00:00Z"}
                """.formatted(id, HOME, learner, course);
    }

    static String scored(String id, String learner, String assessment, double scaled) {
        return scored(id, learner, assessment, scaled, "", "2026-11-20T11:00:00Z");
    }

    /** A graded attempt the LRS names (attempt-id extension): a second one for the same attempt is a regrade. */
    static String scoredAttempt(String id, String learner, String attempt, double scaled, String timestamp) {
        return scored(
                id,
                learner,
                EXAM,
                scaled,
                "\"context\": {\"extensions\": {\"http://id.tincanapi.com/extension/attempt-id\": \"" + attempt
                        + "\"}},",
                timestamp);
    }

    private static String scored(
            String id, String learner, String assessment, double scaled, String context, String timestamp) {
        return """
                {"id": "%s",
                 "actor": {"objectType": "Agent", "account": {"homePage": "%s", "name": "%s"}},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/scored"},
                 "object": {"objectType": "Activity", "id": "%s"},
                 "result": {"score": {"scaled": %s}},
                 %s
                 "timestamp": "%s"}
                """.formatted(id, HOME, learner, assessment, scaled, context, timestamp);
    }

    /** An LRS administrator withdraws a statement (xAPI voiding). */
    static String voiding(String id, String voidedStatementId) {
        return """
                {"id": "%s",
                 "actor": {"objectType": "Agent", "account": {"homePage": "%s", "name": "lrs-admin"}},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
                 "object": {"objectType": "StatementRef", "id": "%s"}}
                """.formatted(id, HOME, voidedStatementId);
    }

    static String completedByHashedMailbox(String id, String course) {
        return """
                {"id": "%s",
                 "actor": {"objectType": "Agent", "mbox_sha1sum": "cd9b00a5611f94eaa7b1661edab976068e364975"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"id": "%s"}}
                """.formatted(id, course);
    }

    static String withoutVerb(String id, String learner) {
        return """
                {"id": "%s",
                 "actor": {"account": {"homePage": "%s", "name": "%s"}},
                 "object": {"id": "%s"}}
                """.formatted(id, HOME, learner, COURSE);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Posts statements to a running CredBridge's xAPI endpoint as an LRS forwarder does. */
    static HttpResponse<String> post(HttpClient http, String port, String statements)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lms/xapi/statements"))
                        .headers(TestCredentials.ADMIN_AND_LRS)
                        .header("Content-Type", "application/json")
                        .header("X-Experience-API-Version", "1.0.3")
                        .POST(HttpRequest.BodyPublishers.ofString(statements))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String newLearner(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
